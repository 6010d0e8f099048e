package dev.capiconsole.ui.generate;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.lab.SecretFiles;
import dev.capiconsole.templates.BuiltInTemplates;
import dev.capiconsole.templates.BuiltInTemplates.BuiltInTemplate;
import dev.capiconsole.templates.ClusterApplier;
import dev.capiconsole.templates.ClusterApplier.ObjectResult;
import dev.capiconsole.templates.ClusterClassLookup;
import dev.capiconsole.templates.ClusterGenerator;
import dev.capiconsole.templates.GenerateRequest;
import dev.capiconsole.templates.GeneratedCluster;
import dev.capiconsole.templates.KubernetesNames;
import dev.capiconsole.templates.ManagementClusterLookup;
import dev.capiconsole.templates.TemplateFetcher;
import dev.capiconsole.templates.TemplateSource;
import dev.capiconsole.templates.TemplateVariables;
import dev.capiconsole.templates.VariableChecks;
import dev.capiconsole.templates.VariableValues;
import dev.capiconsole.templates.VariableValues.Value;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generate-cluster wizard: template source → cluster basics → every other variable → preview → apply.
 * Fetching, generating and applying run in the background; the FX thread only sees their results.
 */
public final class GenerateViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateViewModel.class);
    /** Variables the cluster step asks for; the variables step lists all others. */
    static final Set<String> STANDARD = Set.of("CLUSTER_NAME", "NAMESPACE", "KUBERNETES_VERSION",
            "CONTROL_PLANE_MACHINE_COUNT", "WORKER_MACHINE_COUNT");

    public enum Step {
        TEMPLATE("Template"), CLUSTER("Cluster"), VARIABLES("Variables"), PREVIEW("Preview"), APPLY("Apply");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public enum SourceKind { BUILT_IN, PROVIDER_RELEASE, LOCATION, CONFIG_MAP }

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.TEMPLATE);
    private final ObjectProperty<SourceKind> sourceKind = new SimpleObjectProperty<>(SourceKind.BUILT_IN);
    private final ObjectProperty<BuiltInTemplate> builtIn = new SimpleObjectProperty<>();
    private final StringProperty provider = new SimpleStringProperty("docker");
    private final StringProperty providerVersion = new SimpleStringProperty("");
    private final StringProperty flavor = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty configMapNamespace = new SimpleStringProperty("default");
    private final StringProperty configMapName = new SimpleStringProperty("");
    private final StringProperty configMapKey = new SimpleStringProperty(TemplateSource.ConfigMap.DEFAULT_KEY);

    private final StringProperty clusterName = new SimpleStringProperty("my-cluster");
    private final StringProperty namespace = new SimpleStringProperty("default");
    private final StringProperty kubernetesVersion = new SimpleStringProperty("v1.33.0");
    private final IntegerProperty controlPlaneCount = new SimpleIntegerProperty(1);
    private final IntegerProperty workerCount = new SimpleIntegerProperty(1);
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();

    private final ObservableList<VariableField> variables = FXCollections.observableArrayList();
    private final StringProperty templateOrigin = new SimpleStringProperty("");
    private final StringProperty yaml = new SimpleStringProperty("");
    private final ObjectProperty<GeneratedCluster> generated = new SimpleObjectProperty<>();
    private final ObservableList<ObjectResult> results = FXCollections.observableArrayList();
    private final ObservableList<String> missingNamespaces = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty applied = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    private final ObjectProperty<ManagementCluster> connected;
    private final Executor background;
    private final Supplier<ClusterctlEnvironment> environments;
    private final BiConsumer<String, String> showCluster;
    private volatile KubernetesClient client;

    public GenerateViewModel(ObjectProperty<ManagementCluster> connected, Executor background,
            Supplier<ClusterctlEnvironment> environments, BiConsumer<String, String> showCluster) {
        this.connected = connected;
        this.background = background;
        this.environments = environments;
        this.showCluster = showCluster;
        builtIn.set(BuiltInTemplates.find("docker", "in-memory").orElse(BuiltInTemplates.all().get(0)));
        connected.addListener((obs, old, now) -> {
            KubernetesClient previous = client;
            client = null;
            if (previous != null) {
                background.execute(previous::close);
            }
            loadNamespaces();
        });
        loadNamespaces();
    }

    /** One template variable as a form field. */
    public static final class VariableField {
        private final String name;
        private final String defaultValue;
        private final StringProperty value = new SimpleStringProperty("");
        private final String origin;

        VariableField(String name, String defaultValue, Value preset) {
            this.name = name;
            this.defaultValue = defaultValue;
            if (preset != null) {
                value.set(preset.value());
            }
            this.origin = preset == null ? "" : switch (preset.origin()) {
                case ENVIRONMENT -> "from the environment";
                case CONFIG_FILE -> "from clusterctl.yaml";
                case SET -> "";
            };
        }

        public String name() {
            return name;
        }

        public boolean required() {
            return defaultValue == null;
        }

        public String defaultValue() {
            return defaultValue;
        }

        public StringProperty valueProperty() {
            return value;
        }

        public String origin() {
            return origin;
        }

        /** What is wrong with the value as typed, or empty. */
        public String problem() {
            return VariableChecks.problem(name, value.get(), required());
        }
    }

    // ---------------------------------------------------------------- navigation

    public void next() {
        error.set("");
        switch (step.get()) {
            case TEMPLATE -> readTemplate();
            case CLUSTER -> clusterProblem().ifPresentOrElse(error::set, () -> step.set(
                    variables.isEmpty() ? Step.PREVIEW : Step.VARIABLES));
            case VARIABLES -> {
                List<String> problems = variables.stream().filter(v -> !v.problem().isEmpty())
                        .map(v -> v.name() + ": " + v.problem()).toList();
                if (problems.isEmpty()) {
                    generate();
                } else {
                    error.set(String.join("\n", problems));
                }
            }
            case PREVIEW -> step.set(Step.APPLY);
            case APPLY -> { }
        }
    }

    public void back() {
        error.set("");
        switch (step.get()) {
            case CLUSTER -> step.set(Step.TEMPLATE);
            case VARIABLES -> step.set(Step.CLUSTER);
            case PREVIEW -> step.set(variables.isEmpty() ? Step.CLUSTER : Step.VARIABLES);
            case APPLY -> {
                if (!busy.get()) {
                    step.set(Step.PREVIEW);
                }
            }
            case TEMPLATE -> { }
        }
    }

    /** Back to the first step for another cluster, keeping the template choice. */
    public void startOver() {
        results.clear();
        applied.set(false);
        generated.set(null);
        yaml.set("");
        status.set("");
        error.set("");
        step.set(Step.TEMPLATE);
    }

    java.util.Optional<String> clusterProblem() {
        List<String> problems = new ArrayList<>();
        KubernetesNames.clusterNameProblem(clusterName.get()).ifPresent(problems::add);
        KubernetesNames.namespaceProblem(namespace.get()).ifPresent(problems::add);
        if (kubernetesVersion.get() != null && !kubernetesVersion.get().isBlank()) {
            KubernetesNames.versionProblem(kubernetesVersion.get().trim()).ifPresent(problems::add);
        }
        if (controlPlaneCount.get() < 1) {
            problems.add("a cluster needs at least 1 control plane machine");
        }
        if (workerCount.get() < 0) {
            problems.add("the worker count cannot be negative");
        }
        return problems.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("\n", problems));
    }

    // ---------------------------------------------------------------- background work

    private void readTemplate() {
        TemplateSource source;
        try {
            source = source();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        run("Reading " + source.describe() + "…", () -> {
            ClusterctlEnvironment environment = environments.get();
            TemplateFetcher.Fetched fetched = generator(environment).read(source);
            Map<String, String> found = TemplateVariables.of(fetched.text());
            VariableValues values = VariableValues.of(environment);
            List<VariableField> fields = new ArrayList<>();
            found.forEach((name, defaultValue) -> {
                if (!STANDARD.contains(name)) {
                    fields.add(new VariableField(name, defaultValue, values.find(name).orElse(null)));
                }
            });
            Platform.runLater(() -> {
                templateOrigin.set(fetched.origin());
                variables.setAll(fields);
                step.set(Step.CLUSTER);
                status.set(found.size() + " variables in " + fetched.origin());
            });
        });
    }

    private void generate() {
        TemplateSource source = source();
        Map<String, String> form = new LinkedHashMap<>();
        for (VariableField field : variables) {
            if (!field.valueProperty().get().isEmpty()) {
                form.put(field.name(), field.valueProperty().get());
            }
        }
        String version = kubernetesVersion.get() == null ? "" : kubernetesVersion.get().trim();
        GenerateRequest request = new GenerateRequest(clusterName.get().trim(), namespace.get().trim(), version,
                (long) controlPlaneCount.get(), (long) workerCount.get(), source, form);
        run("Generating " + request.clusterName() + "…", () -> {
            ClusterctlEnvironment environment = environments.get();
            ClusterGenerator generator = generator(environment);
            GeneratedCluster result = generator.generate(request, VariableValues.of(environment), generator.read(source));
            String text = result.yaml();
            Platform.runLater(() -> {
                generated.set(result);
                yaml.set(text);
                results.clear();
                applied.set(false);
                step.set(Step.PREVIEW);
                status.set(result.objects().size() + " objects" + (result.addedClusterClasses().isEmpty() ? ""
                        : ", including ClusterClass " + String.join(", ", result.addedClusterClasses())
                                + " (not in the management cluster yet)"));
            });
        });
    }

    /** Applies the generated objects; {@code createNamespaces} answers the "namespace does not exist" question. */
    public void apply(boolean createNamespaces) {
        GeneratedCluster objects = generated.get();
        if (objects == null) {
            return;
        }
        if (connected.get() == null) {
            error.set("Connect to a management cluster first (Welcome page: open a kubeconfig, or start the lab).");
            return;
        }
        results.clear();
        missingNamespaces.clear();
        String name = clusterName.get().trim();
        String ns = namespace.get().trim();
        run("Applying " + objects.objects().size() + " objects to " + connected.get().name() + "…", () -> {
            try {
                List<ObjectResult> all = new ClusterApplier(client()).apply(objects.objects(), createNamespaces,
                        result -> Platform.runLater(() -> results.add(result)));
                long failed = all.stream().filter(r -> !r.outcome().ok()).count();
                Platform.runLater(() -> {
                    if (failed == 0) {
                        applied.set(true);
                        status.set("Applied " + all.size() + " objects. Opening the live tree of " + ns + "/" + name
                                + "…");
                        showCluster.accept(ns, name);
                    } else {
                        error.set(failed + " of " + all.size() + " objects were not applied; the others were. Fix "
                                + "the cause and apply again: applying is safe to repeat.");
                    }
                });
            } catch (ClusterApplier.MissingNamespacesException e) {
                Platform.runLater(() -> missingNamespaces.setAll(e.namespaces()));
            }
        });
    }

    /** Opens the live tree of the applied cluster again. */
    public void openTree() {
        showCluster.accept(namespace.get().trim(), clusterName.get().trim());
    }

    public void saveAs(Path file) {
        String text = yaml.get();
        run("Saving " + file + "…", () -> {
            SecretFiles.write(file, text);
            Platform.runLater(() -> status.set("Saved to " + file + " (readable only by you)."));
        });
    }

    private void loadNamespaces() {
        if (connected.get() == null) {
            namespaces.setAll("default");
            return;
        }
        background.execute(() -> {
            try {
                List<String> names = client().namespaces().list().getItems().stream()
                        .map(n -> n.getMetadata().getName()).sorted().toList();
                Platform.runLater(() -> namespaces.setAll(names));
            } catch (RuntimeException e) {
                LOG.info("Cannot list namespaces: {}", e.getMessage());
            }
        });
    }

    private ClusterGenerator generator(ClusterctlEnvironment environment) {
        KubernetesClient current = connected.get() == null ? null : client();
        ClusterClassLookup lookup = current == null ? ClusterClassLookup.NONE : new ManagementClusterLookup(current);
        return new ClusterGenerator(TemplateFetcher.of(environment, current,
                () -> new ByteArrayInputStream(new byte[0])), lookup);
    }

    private synchronized KubernetesClient client() {
        if (client == null) {
            ManagementCluster cluster = connected.get();
            client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(cluster.name(), cluster.kubeconfig(), null)).build();
        }
        return client;
    }

    TemplateSource source() {
        return switch (sourceKind.get()) {
            case BUILT_IN -> {
                if (builtIn.get() == null) {
                    throw new IllegalArgumentException("Pick one of the built-in templates.");
                }
                yield new TemplateSource.BuiltIn(builtIn.get());
            }
            case PROVIDER_RELEASE -> {
                if (provider.get() == null || provider.get().isBlank()) {
                    throw new IllegalArgumentException("Name the infrastructure provider.");
                }
                String version = providerVersion.get().trim();
                yield new TemplateSource.ProviderRelease(provider.get().trim(), version.isEmpty() ? null : version,
                        flavor.get().trim().isEmpty() ? null : flavor.get().trim());
            }
            case LOCATION -> {
                if (location.get().isBlank()) {
                    throw new IllegalArgumentException("Give a URL or choose a file.");
                }
                yield new TemplateSource.Location(location.get().trim());
            }
            case CONFIG_MAP -> {
                if (configMapName.get().isBlank()) {
                    throw new IllegalArgumentException("Name the ConfigMap that holds the template.");
                }
                if (connected.get() == null) {
                    throw new IllegalArgumentException("Reading a ConfigMap needs a management cluster: connect "
                            + "first.");
                }
                yield new TemplateSource.ConfigMap(configMapNamespace.get().trim(), configMapName.get().trim(),
                        configMapKey.get().isBlank() ? TemplateSource.ConfigMap.DEFAULT_KEY
                                : configMapKey.get().trim());
            }
        };
    }

    private void run(String what, ThrowingRunnable work) {
        busy.set(true);
        status.set(what);
        background.execute(() -> {
            try {
                work.run();
            } catch (Exception e) {
                LOG.warn("{} failed", what, e);
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                Platform.runLater(() -> {
                    error.set(message);
                    status.set("");
                });
            } finally {
                Platform.runLater(() -> busy.set(false));
            }
        });
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    public void shutdown() {
        KubernetesClient current = client;
        client = null;
        if (current != null) {
            current.close();
        }
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<SourceKind> sourceKindProperty() {
        return sourceKind;
    }

    public ObjectProperty<BuiltInTemplate> builtInProperty() {
        return builtIn;
    }

    public StringProperty providerProperty() {
        return provider;
    }

    public StringProperty providerVersionProperty() {
        return providerVersion;
    }

    public StringProperty flavorProperty() {
        return flavor;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public StringProperty configMapNamespaceProperty() {
        return configMapNamespace;
    }

    public StringProperty configMapNameProperty() {
        return configMapName;
    }

    public StringProperty configMapKeyProperty() {
        return configMapKey;
    }

    public StringProperty clusterNameProperty() {
        return clusterName;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty kubernetesVersionProperty() {
        return kubernetesVersion;
    }

    public IntegerProperty controlPlaneCountProperty() {
        return controlPlaneCount;
    }

    public IntegerProperty workerCountProperty() {
        return workerCount;
    }

    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public ObservableList<VariableField> variables() {
        return variables;
    }

    public StringProperty templateOriginProperty() {
        return templateOrigin;
    }

    public StringProperty yamlProperty() {
        return yaml;
    }

    public ObjectProperty<GeneratedCluster> generatedProperty() {
        return generated;
    }

    public ObservableList<ObjectResult> results() {
        return results;
    }

    public ObservableList<String> missingNamespaces() {
        return missingNamespaces;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty appliedProperty() {
        return applied;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<ManagementCluster> connectedProperty() {
        return connected;
    }
}
