package dev.capiconsole.ui.generate;

import dev.capiconsole.clusterclass.ClassVariable;
import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.clusterclass.SchemaError;
import dev.capiconsole.clusterclass.ServerDryRun;
import dev.capiconsole.clusterclass.TopologyClusterBuilder;
import dev.capiconsole.clusterclass.TopologyRequest;
import dev.capiconsole.clusterclass.WorkerClass;
import dev.capiconsole.ui.common.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's form for a Cluster made from a ClusterClass: name, namespace, Kubernetes version, control-plane
 * replicas, worker groups with their overrides, and a field per class variable shaped by its schema. Every change
 * checks the whole request as {@link TopologyClusterBuilder} does and puts each problem at the field its path names;
 * the server's dry-run problems land the same way.
 */
public final class ClassFormViewModel {

    private static final Pattern VARIABLE = Pattern.compile(
            "^spec\\.topology\\.variables\\[([^\\]]+)](?:\\.value)?(.*)$");
    private static final Pattern WORKER = Pattern.compile(
            "^spec\\.topology\\.workers\\.(machineDeployments|machinePools)\\[([^\\]]+)](.*)$");
    private static final Pattern OVERRIDE = Pattern.compile("^\\.variables\\.overrides\\[([^\\]]+)](?:\\.value)?(.*)$");

    private final ClusterClassModel model;
    private final TopologyClusterBuilder builder;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty namespace = new SimpleStringProperty("");
    private final StringProperty version = new SimpleStringProperty("");
    private final IntegerProperty controlPlaneReplicas = new SimpleIntegerProperty(1);
    private final ObservableList<WorkerForm> workers = FXCollections.observableArrayList();
    private final Map<String, SchemaField> variables = new LinkedHashMap<>();
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty namespaceError = new SimpleStringProperty("");
    private final StringProperty versionError = new SimpleStringProperty("");
    private final StringProperty replicasError = new SimpleStringProperty("");
    private final ObservableList<String> otherErrors = FXCollections.observableArrayList();
    private final IntegerProperty problemCount = new SimpleIntegerProperty();
    private int workersAdded;

    /** The form starts from the wizard's name, namespace and (when the class lists no versions) version. */
    public ClassFormViewModel(ClusterClassModel model, String name, String namespace, String version) {
        this.model = model;
        this.builder = new TopologyClusterBuilder(model);
        this.name.set(name);
        this.namespace.set(namespace);
        for (ClassVariable variable : model.variables()) {
            variables.put(variable.name(), SchemaField.of("class-var-" + variable.name(), variable.name(),
                    variable.schema(), variable.required(), this::check));
        }
        this.version.set(model.kubernetesVersions().isEmpty() ? version
                : model.kubernetesVersions().get(model.kubernetesVersions().size() - 1));
        if (!model.machineDeploymentClasses().isEmpty()) {
            addWorker();
        }
        this.name.addListener((obs, old, now) -> check());
        this.namespace.addListener((obs, old, now) -> check());
        this.version.addListener((obs, old, now) -> check());
        controlPlaneReplicas.addListener((obs, old, now) -> check());
        check();
    }

    public WorkerForm addWorker() {
        int index = workersAdded++;
        String workerClass = model.workerClasses().isEmpty() ? "" : model.workerClasses().get(0).name();
        WorkerForm worker = new WorkerForm(index, workerClass, "md-" + index, model.variables(), this::check);
        workers.add(worker);
        check();
        return worker;
    }

    public void removeWorker(WorkerForm worker) {
        workers.remove(worker);
        check();
    }

    /** What the form asks for; fails with {@link SchemaField.UnreadableValue} when a text does not read at all. */
    public TopologyRequest request() {
        Map<String, Object> values = new LinkedHashMap<>();
        variables.forEach((variable, field) -> field.value().ifPresent(v -> values.put(variable, v)));
        String ns = namespace.get().strip();
        return new TopologyRequest(name.get().strip(), ns, model.name(), model.namespace().equals(ns) ? ""
                : model.namespace(), version.get() == null ? "" : version.get().strip(), controlPlaneReplicas.get(),
                workers.stream().map(WorkerForm::topology).toList(), values);
    }

    /** Checks the form again and shows every problem at its field; the number of problems found. */
    public int check() {
        clearErrors();
        List<SchemaError> errors;
        try {
            errors = builder.check(request());
        } catch (SchemaField.UnreadableValue e) {
            e.field().errorProperty().set(e.getMessage());
            problemCount.set(1);
            return 1;
        }
        errors.forEach(e -> show(e, e.message()));
        problemCount.set(errors.size());
        return errors.size();
    }

    /** The Cluster object; fails with every problem when the form has any. */
    public Map<String, Object> cluster() {
        return builder.build(request());
    }

    /** The Cluster as the form has it, problems and all, for the server's dry-run. */
    public Map<String, Object> uncheckedCluster() {
        return builder.unchecked(request());
    }

    /** Shows the server's dry-run problems at their fields, below the form's own. */
    public void showServerErrors(List<SchemaError> errors) {
        errors.forEach(e -> show(e, Texts.get("generate.class.server", e.message())));
    }

    private void clearErrors() {
        List.of(nameError, namespaceError, versionError, replicasError).forEach(e -> e.set(""));
        otherErrors.clear();
        variables.values().forEach(v -> v.all().forEach(f -> f.errorProperty().set("")));
        workers.forEach(WorkerForm::clearErrors);
    }

    private void show(SchemaError error, String message) {
        target(error).ifPresentOrElse(target -> target.set(target.get().isEmpty() ? message
                : target.get() + "\n" + message), () -> otherErrors.add(error.path().isEmpty() ? message
                : error.path() + ": " + message));
    }

    /** Where an error is shown: the field its path names, else the variable its message names. */
    private Optional<StringProperty> target(SchemaError error) {
        String path = error.path();
        if (path.equals("metadata.name")) {
            return Optional.of(nameError);
        }
        if (path.equals("metadata.namespace")) {
            return Optional.of(namespaceError);
        }
        if (path.startsWith("spec.topology.version")) {
            return Optional.of(versionError);
        }
        if (path.startsWith("spec.topology.controlPlane")) {
            return Optional.of(replicasError);
        }
        Matcher worker = WORKER.matcher(path);
        if (worker.matches()) {
            // A repeated name is the fault of the later group, the one named second.
            return worker(worker.group(1).equals("machinePools"), worker.group(2), worker.group(3).equals(".name"))
                    .map(w -> workerTarget(w, worker.group(3)));
        }
        Matcher variable = VARIABLE.matcher(path);
        if (variable.matches() && variables.containsKey(variable.group(1))) {
            return Optional.of(variables.get(variable.group(1)).locate(variable.group(2)).errorProperty());
        }
        return ServerDryRun.variableOf(error).filter(variables::containsKey).map(v -> variables.get(v)
                .errorProperty());
    }

    /** The worker group a path names, by its name or (as the server may write it) its index among its kind. */
    private Optional<WorkerForm> worker(boolean pools, String key, boolean last) {
        List<WorkerForm> withName = workers.stream().filter(w -> w.nameProperty().get().strip().equals(key)).toList();
        Optional<WorkerForm> named = withName.isEmpty() ? Optional.empty()
                : Optional.of(withName.get(last ? withName.size() - 1 : 0));
        if (named.isPresent() || !key.matches("\\d+")) {
            return named;
        }
        List<WorkerForm> ofKind = workers.stream().filter(w -> isPool(w) == pools).toList();
        int index = Integer.parseInt(key);
        return index < ofKind.size() ? Optional.of(ofKind.get(index)) : Optional.empty();
    }

    private boolean isPool(WorkerForm worker) {
        return model.workerClass(worker.workerClassProperty().get()).map(WorkerClass::kind)
                .orElse(WorkerClass.Kind.MACHINE_DEPLOYMENT) == WorkerClass.Kind.MACHINE_POOL;
    }

    private static StringProperty workerTarget(WorkerForm worker, String rest) {
        if (rest.startsWith(".class")) {
            return worker.classErrorProperty();
        }
        if (rest.startsWith(".replicas")) {
            return worker.replicasErrorProperty();
        }
        Matcher override = OVERRIDE.matcher(rest);
        if (override.matches() && worker.overrides().containsKey(override.group(1))) {
            return worker.overrides().get(override.group(1)).locate(override.group(2)).errorProperty();
        }
        return worker.nameErrorProperty();
    }

    public ClusterClassModel model() {
        return model;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty versionProperty() {
        return version;
    }

    /** The versions to choose from; empty when the class allows any (then the version is typed). */
    public List<String> versions() {
        return model.kubernetesVersions();
    }

    public IntegerProperty controlPlaneReplicasProperty() {
        return controlPlaneReplicas;
    }

    public ObservableList<WorkerForm> workers() {
        return workers;
    }

    /** A field per class variable, in the class's order. */
    public Map<String, SchemaField> variables() {
        return variables;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty namespaceErrorProperty() {
        return namespaceError;
    }

    public StringProperty versionErrorProperty() {
        return versionError;
    }

    public StringProperty replicasErrorProperty() {
        return replicasError;
    }

    /** Problems that belong to no field of the form. */
    public ObservableList<String> otherErrors() {
        return otherErrors;
    }

    /** How many problems the last check found. */
    public IntegerProperty problemCountProperty() {
        return problemCount;
    }
}
