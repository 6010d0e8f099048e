package dev.capiconsole.ui.generate;

import dev.capiconsole.clusterclass.ClassVariable;
import dev.capiconsole.clusterclass.WorkerTopology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One worker group of a class form: its worker class, name, replicas, failure domain and variable overrides. */
public final class WorkerForm {

    private final StringProperty workerClass = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final IntegerProperty replicas = new SimpleIntegerProperty(1);
    private final StringProperty failureDomain = new SimpleStringProperty("");
    private final Map<String, SchemaField> overrides = new LinkedHashMap<>();
    private final StringProperty classError = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty replicasError = new SimpleStringProperty("");

    WorkerForm(int index, String workerClass, String name, List<ClassVariable> variables, Runnable changed) {
        this.workerClass.set(workerClass);
        this.name.set(name);
        for (ClassVariable variable : variables) {
            overrides.put(variable.name(), SchemaField.of("class-worker-" + index + "-var-" + variable.name(),
                    variable.name(), variable.schema(), false, changed));
        }
        this.workerClass.addListener((obs, old, now) -> changed.run());
        this.name.addListener((obs, old, now) -> changed.run());
        this.replicas.addListener((obs, old, now) -> changed.run());
        this.failureDomain.addListener((obs, old, now) -> changed.run());
    }

    WorkerTopology topology() {
        Map<String, Object> values = new LinkedHashMap<>();
        overrides.forEach((variable, field) -> field.value().ifPresent(v -> values.put(variable, v)));
        return new WorkerTopology(workerClass.get(), name.get().strip(), replicas.get(), failureDomain.get().strip(),
                values);
    }

    void clearErrors() {
        classError.set("");
        nameError.set("");
        replicasError.set("");
        overrides.values().forEach(o -> o.all().forEach(f -> f.errorProperty().set("")));
    }

    public StringProperty workerClassProperty() {
        return workerClass;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public IntegerProperty replicasProperty() {
        return replicas;
    }

    public StringProperty failureDomainProperty() {
        return failureDomain;
    }

    /** A field per class variable; those left unset do not override. */
    public Map<String, SchemaField> overrides() {
        return overrides;
    }

    public StringProperty classErrorProperty() {
        return classError;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty replicasErrorProperty() {
        return replicasError;
    }
}
