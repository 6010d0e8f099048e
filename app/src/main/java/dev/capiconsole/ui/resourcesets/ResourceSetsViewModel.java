package dev.capiconsole.ui.resourcesets;

import dev.capiconsole.addons.AddonSources;
import dev.capiconsole.addons.ClusterResourceSets;
import dev.capiconsole.addons.Manifest;
import dev.capiconsole.addons.ResourceSetRow;
import dev.capiconsole.addons.ResourceSetWriter;
import dev.capiconsole.addons.Strategy;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.live.KindWatch;
import dev.capiconsole.templates.ClusterApplier;
import dev.capiconsole.templates.KubernetesNames;
import dev.capiconsole.ui.common.BusyWork;
import dev.capiconsole.ui.common.ConnectionWatch;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Resource sets page: every ClusterResourceSet with the Clusters it selects and whether it applied, live (the
 * sets, their bindings and the Clusters are watched, and any change reads the page again); a new set from a file
 * or URL for existing Clusters, labelled once the operator confirms; deleting a set.
 */
public final class ResourceSetsViewModel {

    private final ObservableList<ResourceSetRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> clusters = FXCollections.observableArrayList();
    private final ObservableList<String> clustersToLabel = FXCollections.observableArrayList();
    private final StringProperty namespace = new SimpleStringProperty("default");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty selector = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("");
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(Strategy.ApplyOnce);
    private final BooleanProperty secrets = new SimpleBooleanProperty();
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    private final ObjectProperty<ManagementCluster> connected;
    private final TaskExecutor tasks;
    private final BusyWork pageWork;
    private final Supplier<ClusterctlEnvironment> environments;
    private final ConnectionWatch<KindWatch> watch;

    private static final List<KindWatch.Kind> WATCHED = List.of(
            new KindWatch.Kind(ResourceSetWriter.API_VERSION, "ClusterResourceSet"),
            new KindWatch.Kind(ResourceSetWriter.API_VERSION, "ClusterResourceSetBinding"),
            new KindWatch.Kind("cluster.x-k8s.io/v1beta2", "Cluster"));

    public ResourceSetsViewModel(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks,
            Supplier<ClusterctlEnvironment> environments) {
        this.connected = connected;
        this.tasks = tasks.serial();
        this.pageWork = new BusyWork(this.tasks, busy, status, error);
        this.environments = environments;
        // Sets, bindings and Clusters watched: any change reads the page again, at most twice a second.
        this.watch = new ConnectionWatch<>(connected, this.tasks, "the ClusterResourceSets",
                cluster -> KindWatch.start(cluster.client(), WATCHED, 500, () -> this.tasks.onUiThread(this::refresh)));
        connected.addListener((obs, old, now) -> {
            watch.stop();
            refresh();
            if (now != null) {
                watch.start(now);
            }
        });
        namespace.addListener((obs, old, now) -> refresh());
    }

    /** Stops watching now (the window is closing). */
    public void shutdown() {
        watch.shutdown();
    }

    /** Reads the sets of every namespace and the Clusters of the chosen one. */
    public void refresh() {
        ManagementCluster cluster = connected.get();
        if (cluster == null) {
            rows.clear();
            clusters.clear();
            return;
        }
        String ns = namespace.get().trim();
        pageWork.run(Texts.get("resourcesets.status.reading"), () -> {
            ClusterResourceSets sets = new ClusterResourceSets(cluster.client());
            return new Read(sets.list(null), ns.isEmpty() ? List.of() : sets.clusters(ns));
        }, read -> {
            rows.setAll(read.rows());
            clusters.setAll(read.clusters());
            clustersToLabel.retainAll(read.clusters());
            status.set(Texts.get("resourcesets.status.count", read.rows().size()));
        });
    }

    private record Read(List<ResourceSetRow> rows, List<String> clusters) {
    }

    /** Checks the form; with Clusters to label, asks first (see {@link #confirmationProperty()}). */
    public void create() {
        error.set("");
        Optional<String> problem = formProblem();
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        if (!clustersToLabel.isEmpty() && confirmation.get().isEmpty()) {
            confirmation.set(Texts.get("resourcesets.confirm.label", String.join(", ", clustersToLabel),
                    selector.get().trim(), clustersToLabel.size()));
            return;
        }
        confirmation.set("");
        ManagementCluster cluster = connected.get();
        String ns = namespace.get().trim();
        String setName = name.get().trim();
        Map<String, String> matchLabels = labels(selector.get());
        String source = location.get().trim();
        Strategy chosen = strategy.get();
        boolean inSecrets = secrets.get();
        List<String> toLabel = List.copyOf(clustersToLabel);
        pageWork.run(Texts.get("resourcesets.status.creating", setName), () -> {
            Manifest manifest = AddonSources.of(environments.get(), List.of(), null).readLocation(source);
            List<Map<String, Object>> objects = ResourceSetWriter.objects(new ResourceSetWriter.Plan(setName, ns,
                    matchLabels, List.of(manifest), inSecrets, chosen));
            List<ClusterApplier.ObjectResult> results = new ClusterApplier(cluster.client()).apply(objects, false,
                    result -> { });
            List<String> failed = results.stream().filter(r -> !r.outcome().ok())
                    .map(r -> r.label() + ": " + r.message()).toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException(String.join("\n", failed));
            }
            ClusterResourceSets sets = new ClusterResourceSets(cluster.client());
            matchLabels.forEach((key, value) -> sets.label(ns, toLabel, key, value));
            return sets.matchingClusters(ns, matchLabels);
        }, matched -> {
            clustersToLabel.clear();
            if (matched.isEmpty()) {
                error.set(Texts.get("resourcesets.warning.noMatch", setName, selector.get().trim(), ns));
            }
            refresh();
            status.set(matched.isEmpty() ? Texts.get("resourcesets.status.created", ns + "/" + setName)
                    : Texts.get("resourcesets.status.createdFor", ns + "/" + setName, String.join(", ", matched)));
        });
    }

    /** Drops a pending "label these clusters?" question. */
    public void cancelConfirmation() {
        confirmation.set("");
    }

    public void delete(ResourceSetRow row) {
        ManagementCluster cluster = connected.get();
        if (cluster == null || row == null) {
            return;
        }
        pageWork.run(Texts.get("resourcesets.status.deleting", row.namespace() + "/" + row.name()),
                () -> new ClusterResourceSets(cluster.client()).delete(row.namespace(), row.name()), deleted -> {
                    refresh();
                    status.set(Texts.get("resourcesets.status.deleted", row.namespace() + "/" + row.name()));
                });
    }

    Optional<String> formProblem() {
        if (connected.get() == null) {
            return Optional.of(Texts.get("resourcesets.problem.notConnected"));
        }
        Optional<String> nameProblem = KubernetesNames.clusterNameProblem(name.get().trim())
                .map(p -> p.replace("cluster name", "name"));
        if (nameProblem.isPresent()) {
            return nameProblem;
        }
        if (labels(selector.get()).isEmpty()) {
            return Optional.of(Texts.get("resourcesets.problem.selector"));
        }
        if (location.get().isBlank()) {
            return Optional.of(Texts.get("resourcesets.problem.manifest"));
        }
        return Optional.empty();
    }

    /** {@code k=v,k2=v2} as labels; empty when any pair lacks a key or a value. */
    static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String trimmed = pair.trim();
            int equals = trimmed.indexOf('=');
            if (equals > 0 && equals < trimmed.length() - 1) {
                labels.put(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
            } else if (!trimmed.isEmpty()) {
                return Map.of();
            }
        }
        return labels;
    }

    public ObservableList<ResourceSetRow> rows() {
        return rows;
    }

    /** The Clusters of the chosen namespace, to label for a new set. */
    public ObservableList<String> clusters() {
        return clusters;
    }

    public ObservableList<String> clustersToLabel() {
        return clustersToLabel;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty selectorProperty() {
        return selector;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    public BooleanProperty secretsProperty() {
        return secrets;
    }

    /** The question to confirm before Clusters are labelled; empty when none is pending. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
