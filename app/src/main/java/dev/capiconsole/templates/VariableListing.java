package dev.capiconsole.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code clusterctl generate cluster --list-variables} prints: required variables, then optional ones with
 * their defaults (quoted as Go's {@code %q} does), where the standard variables show the value the command would
 * use.
 */
public record VariableListing(List<String> required, List<Optional> optional) {

    public record Optional(String name, String shownDefault) {
    }

    public static VariableListing of(Map<String, String> variables, GenerateRequest request, VariableValues values) {
        List<String> required = new ArrayList<>();
        List<Optional> optional = new ArrayList<>();
        variables.forEach((name, rawDefault) -> {
            String shown = rawDefault == null || rawDefault.isEmpty() || rawDefault.startsWith("\"") ? rawDefault
                    : goQuote(rawDefault);
            switch (name) {
                case "CLUSTER_NAME":
                    shown = request.clusterName();
                    break;
                case "NAMESPACE":
                    shown = request.targetNamespace() == null || request.targetNamespace().isEmpty()
                            ? "current Namespace in the KubeConfig file" : request.targetNamespace();
                    break;
                case "CONTROL_PLANE_MACHINE_COUNT":
                    shown = request.controlPlaneMachineCount() != null
                            ? String.valueOf(request.controlPlaneMachineCount())
                            : values.fromEnvironment(name).orElse("1");
                    break;
                case "WORKER_MACHINE_COUNT":
                    shown = request.workerMachineCount() != null ? String.valueOf(request.workerMachineCount())
                            : values.fromEnvironment(name).orElse("0");
                    break;
                case "KUBERNETES_VERSION":
                    if (request.kubernetesVersion() != null && !request.kubernetesVersion().isEmpty()) {
                        shown = request.kubernetesVersion();
                    } else if (values.fromEnvironment(name).isPresent()) {
                        shown = values.fromEnvironment(name).get();
                    }
                    break;
                default:
                    break;
            }
            if (shown == null) {
                required.add(name);
            } else {
                optional.add(new Optional(name, shown));
            }
        });
        return new VariableListing(List.copyOf(required), List.copyOf(optional));
    }

    /** The listing in clusterctl's layout (a tab writer with padding 2 aligns the defaults). */
    public String text() {
        StringBuilder out = new StringBuilder();
        if (!required.isEmpty()) {
            out.append("Required Variables:\n");
            required.forEach(name -> out.append("  - ").append(name).append('\n'));
        }
        if (!optional.isEmpty()) {
            out.append("\nOptional Variables:\n");
            int width = optional.stream().mapToInt(o -> ("  - " + o.name()).codePointCount(0, o.name().length() + 4))
                    .max().orElse(0) + 2;
            for (Optional o : optional) {
                String cell = "  - " + o.name();
                out.append(cell).append(" ".repeat(width - cell.codePointCount(0, cell.length())))
                        .append("(defaults to ").append(o.shownDefault()).append(")\n");
            }
        }
        return out.append('\n').toString();
    }

    /** Go's {@code %q}: double quotes, backslash escapes for quotes, backslashes and control characters. */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 7 -> out.append("\\a");
                case 8 -> out.append("\\b");
                case 12 -> out.append("\\f");
                case 11 -> out.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02x", c));
                    } else if (!Character.isDefined(c) || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.CONTROL) {
                        out.append(c > 0xFFFF ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
