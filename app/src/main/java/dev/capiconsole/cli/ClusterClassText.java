package dev.capiconsole.cli;

import dev.capiconsole.clusterclass.ClassVariable;
import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.clusterclass.JsonValues;
import dev.capiconsole.clusterclass.VariableSchema;
import dev.capiconsole.clusterclass.VariableUse;
import dev.capiconsole.clusterclass.WorkerClass;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** A ClusterClass printed for the CLI: the overview table's cells and the variables of one class. */
final class ClusterClassText {

    private ClusterClassText() {
    }

    static void table(List<ClusterClassModel> classes, PrintWriter out) {
        TextTable table = new TextTable(0, 3);
        table.row("NAME", "NAMESPACE", "VARIABLES", "CONTROL PLANE", "WORKER CLASSES", "VERSIONS", "CLUSTERS");
        for (ClusterClassModel model : classes) {
            table.row(model.name(), model.namespace(), variablesCell(model), model.controlPlane().label(),
                    orNone(String.join(",", model.workerClasses().stream().map(WorkerClass::label).toList())),
                    model.kubernetesVersions().isEmpty() ? "any" : String.join(",", model.kubernetesVersions()),
                    model.clusters().isEmpty() ? "<none>" : String.join(",", model.clusters().stream()
                            .map(c -> c.startsWith(model.namespace() + "/") ? c.substring(c.indexOf('/') + 1) : c)
                            .toList()));
        }
        table.print(out);
    }

    /** The class's facts, then one row per variable and per field of an object or array variable. */
    static void details(ClusterClassModel model, PrintWriter out) {
        out.println("ClusterClass:   " + model.namespace() + "/" + model.name());
        out.println("Control plane:  " + model.controlPlane().label());
        out.println("Worker classes: " + orNone(String.join(", ", model.workerClasses().stream()
                .map(w -> w.label() + " (" + w.bootstrapKind() + " + " + w.infrastructureKind() + ")").toList())));
        out.println("Versions:       " + (model.kubernetesVersions().isEmpty() ? "any"
                : String.join(", ", model.kubernetesVersions())));
        out.println("Clusters:       " + orNone(String.join(", ", model.clusters())));
        out.println();
        if (model.variables().isEmpty()) {
            out.println("Variables: none");
            return;
        }
        TextTable table = new TextTable(0, 3);
        table.row("VARIABLE", "TYPE", "REQUIRED", "DEFAULT", "DESCRIPTION", "USED BY");
        for (ClassVariable variable : model.variables()) {
            table.row(variable.name(), typeCell(variable.schema()), variable.required() ? "yes" : "no",
                    variable.defaultValue().map(JsonValues::json).orElse(""), variable.description(),
                    orNone(String.join("; ", variable.uses().stream().map(VariableUse::label).toList())));
            fields(table, variable.name(), variable.schema());
        }
        table.print(out);
        List<String> serverChecks = model.variables().stream().flatMap(v -> v.schema().serverChecks().stream()
                .map(check -> v.name() + check)).toList();
        if (!serverChecks.isEmpty()) {
            out.println();
            serverChecks.forEach(out::println);
        }
    }

    private static void fields(TextTable table, String path, VariableSchema schema) {
        List<String> required = schema.requiredFields();
        for (Map.Entry<String, VariableSchema> field : schema.properties().entrySet()) {
            String fieldPath = path + "." + field.getKey();
            VariableSchema child = field.getValue();
            table.row("  " + fieldPath, typeCell(child), required.contains(field.getKey()) ? "yes" : "no",
                    child.defaultValue().map(JsonValues::json).orElse(""), child.description(), "");
            fields(table, fieldPath, child);
        }
        schema.additionalProperties().ifPresent(values -> {
            table.row("  " + path + ".*", typeCell(values), "no", values.defaultValue().map(JsonValues::json)
                    .orElse(""), values.description(), "");
            fields(table, path + ".*", values);
        });
        schema.items().ifPresent(items -> {
            table.row("  " + path + "[]", typeCell(items), "", items.defaultValue().map(JsonValues::json).orElse(""),
                    items.description(), "");
            fields(table, path + "[]", items);
        });
    }

    /** {@code string enum(dev|prod)}, {@code integer 10..250}, {@code array<string>}, with the format and pattern. */
    private static String typeCell(VariableSchema schema) {
        StringBuilder cell = new StringBuilder(schema.type().isEmpty() ? (schema.intOrString() ? "int-or-string"
                : "any") : schema.type());
        schema.items().ifPresent(items -> cell.append('<').append(items.type()).append('>'));
        if (!schema.enumValues().isEmpty()) {
            cell.append(" enum(").append(String.join("|", schema.enumValues().stream().map(v -> v instanceof String s
                    ? s : JsonValues.json(v)).toList())).append(')');
        }
        if (schema.minimum().isPresent() || schema.maximum().isPresent()) {
            cell.append(' ').append(schema.minimum().map(m -> (schema.exclusiveMinimum() ? ">" : "") + m).orElse(""))
                    .append("..").append(schema.maximum().map(m -> (schema.exclusiveMaximum() ? "<" : "") + m)
                            .orElse(""));
        }
        if (schema.minLength().isPresent() || schema.maxLength().isPresent()) {
            cell.append(" length ").append(schema.minLength().map(String::valueOf).orElse("")).append("..")
                    .append(schema.maxLength().map(String::valueOf).orElse(""));
        }
        if (schema.minItems().isPresent() || schema.maxItems().isPresent()) {
            cell.append(" items ").append(schema.minItems().map(String::valueOf).orElse("")).append("..")
                    .append(schema.maxItems().map(String::valueOf).orElse(""));
        }
        if (schema.uniqueItems()) {
            cell.append(" unique");
        }
        if (!schema.format().isEmpty()) {
            cell.append(" format ").append(schema.format());
        }
        if (!schema.pattern().isEmpty()) {
            cell.append(" pattern ").append(schema.pattern());
        }
        return cell.toString();
    }

    private static String variablesCell(ClusterClassModel model) {
        long required = model.variables().stream().filter(ClassVariable::required).count();
        return model.variables().size() + (required == 0 ? "" : " (" + required + " required)");
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "<none>" : text;
    }
}
