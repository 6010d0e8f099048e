package dev.capiconsole.ui.generate;

import dev.capiconsole.addons.Addon;
import dev.capiconsole.addons.AddonCatalog;
import dev.capiconsole.addons.AddonSources;
import dev.capiconsole.addons.ClusterAddons;
import dev.capiconsole.addons.Manifest;
import dev.capiconsole.addons.Strategy;
import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.clusterclass.ClusterClasses;
import dev.capiconsole.clusterclass.InvalidTopologyException;
import dev.capiconsole.clusterclass.ServerDryRun;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.install.InitSetup;
import dev.capiconsole.lab.SecretFiles;
import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderType;
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
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.BusyWork;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
        TEMPLATE("generate.step.template"), CLUSTER("generate.step.cluster"), VARIABLES("generate.step.variables"),
        ADDONS("generate.step.addons"), PREVIEW("generate.step.preview"), APPLY("generate.step.apply");

        private final String titleKey;

        Step(String titleKey) {
            this.titleKey = titleKey;
        }

        public String title() {
            return Texts.get(titleKey);
        }
    }

    public enum SourceKind { BUILT_IN, PROVIDER_RELEASE, LOCATION, CONFIG_MAP, CLUSTER_CLASS }

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

    private final ObservableList<String> infrastructureProviders = FXCollections.observableArrayList();

    private final ObservableList<ClusterClassModel> clusterClasses = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterClassModel> chosenClass = new SimpleObjectProperty<>();
    private final ObjectProperty<ClassFormViewModel> classForm = new SimpleObjectProperty<>();

    private final StringProperty cni = new SimpleStringProperty(Addon.NONE);
    private final StringProperty otherManifest = new SimpleStringProperty("");
    private final BooleanProperty containsSecrets = new SimpleBooleanProperty();
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(Strategy.ApplyOnce);
    private final StringProperty addonSummary = new SimpleStringProperty("");

    private final ObjectProperty<ManagementCluster> connected;
    private final TaskExecutor tasks;
    private final BusyWork pageWork;
    private final Supplier<ClusterctlEnvironment> environments;
    private final BiConsumer<String, String> showCluster;

    /**
     * @param tasks runs the wizard's work one task after another
     * @param environments clusterctl's environment, read afresh for each piece of work (the config file may change)
     */
    public GenerateViewModel(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks,
            Supplier<ClusterctlEnvironment> environments, BiConsumer<String, String> showCluster) {
        this.connected = connected;
        this.tasks = tasks.serial();
        this.pageWork = new BusyWork(this.tasks, busy, status, error);
        this.environments = environments;
        this.showCluster = showCluster;
        builtIn.set(BuiltInTemplates.find("docker", "in-memory").orElse(BuiltInTemplates.all().get(0)));
        connected.addListener((obs, old, now) -> {
            loadNamespaces();
            loadClasses(null);
        });
        sourceKind.addListener((obs, old, now) -> {
            if (now == SourceKind.CLUSTER_CLASS) {
                loadClasses(null);
            }
        });
        loadNamespaces();
        loadProviders();
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
                case ENVIRONMENT -> Texts.get("generate.variables.fromEnvironment");
                case CONFIG_FILE -> Texts.get("generate.variables.fromConfigFile");
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
            case TEMPLATE -> {
                if (sourceKind.get() == SourceKind.CLUSTER_CLASS) {
                    readClass();
                } else {
                    readTemplate();
                }
            }
            case CLUSTER -> {
                if (fromClass()) {
                    buildFromClass();
                    return;
                }
                clusterProblem().ifPresentOrElse(error::set, () -> step.set(
                    variables.isEmpty() ? Step.ADDONS : Step.VARIABLES));
            }
            case VARIABLES -> {
                List<String> problems = variables.stream().filter(v -> !v.problem().isEmpty())
                        .map(v -> v.name() + ": " + v.problem()).toList();
                if (problems.isEmpty()) {
                    step.set(Step.ADDONS);
                } else {
                    error.set(String.join("\n", problems));
                }
            }
            case ADDONS -> generate();
            case PREVIEW -> step.set(Step.APPLY);
            case APPLY -> { }
        }
    }

    public void back() {
        error.set("");
        switch (step.get()) {
            case CLUSTER -> step.set(Step.TEMPLATE);
            case VARIABLES -> step.set(Step.CLUSTER);
            case ADDONS -> step.set(variables.isEmpty() ? Step.CLUSTER : Step.VARIABLES);
            case PREVIEW -> step.set(fromClass() ? Step.CLUSTER : Step.ADDONS);
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
        addonSummary.set("");
        status.set("");
        error.set("");
        step.set(Step.TEMPLATE);
    }

    /** Whether the wizard is making a Cluster from a ClusterClass (the form of the class, no template). */
    public boolean fromClass() {
        return sourceKind.get() == SourceKind.CLUSTER_CLASS && classForm.get() != null;
    }

    /** Opens the wizard on a ClusterClass of the management cluster: its form, ready to fill in. */
    public void openClass(String classNamespace, String className) {
        startOver();
        sourceKind.set(SourceKind.CLUSTER_CLASS);
        loadClasses(read -> read.stream().filter(c -> c.namespace().equals(classNamespace)
                && c.name().equals(className)).findFirst().ifPresent(found -> {
                    chosenClass.set(found);
                    readClass();
                }));
    }

    /** Asks the server to create the form's Cluster as a dry run; its problems are shown at the form's fields. */
    public void checkWithServer() {
        ClassFormViewModel form = classForm.get();
        ManagementCluster cluster = connected.get();
        if (form == null || cluster == null) {
            return;
        }
        error.set("");
        Map<String, Object> object;
        try {
            object = form.uncheckedCluster();
        } catch (SchemaField.UnreadableValue e) {
            form.check();
            error.set(Texts.get("generate.class.fixFields", 1));
            return;
        }
        String name = form.nameProperty().get().strip();
        pageWork.run(Texts.get("generate.class.checking", name, cluster.name()),
                () -> new ServerDryRun(cluster.client()).create(object), problems -> {
                    form.check();
                    if (problems.isEmpty()) {
                        status.set(Texts.get("generate.class.serverAccepts", form.namespaceProperty().get().strip(),
                                name));
                        return;
                    }
                    form.showServerErrors(problems);
                    error.set(Texts.get("generate.class.serverRefuses", problems.size()));
                    step.set(Step.CLUSTER);
                });
    }

    private void readClass() {
        ClusterClassModel chosen = chosenClass.get();
        ManagementCluster cluster = connected.get();
        if (cluster == null) {
            error.set(Texts.get("generate.class.connectFirst"));
            return;
        }
        if (chosen == null) {
            error.set(Texts.get("generate.class.pick"));
            return;
        }
        pageWork.run(Texts.get("generate.class.reading", chosen.namespace(), chosen.name()), () ->
                new ClusterClasses(cluster.client()).get(chosen.namespace(), chosen.name()).orElseThrow(() ->
                        new IllegalStateException(Texts.get("generate.class.gone", chosen.namespace(), chosen.name()))),
                read -> {
                    classForm.set(new ClassFormViewModel(read, clusterName.get().strip(), namespace.get().strip(),
                            kubernetesVersion.get().strip()));
                    templateOrigin.set(Texts.get("generate.origin.clusterClass", read.namespace(), read.name()));
                    step.set(Step.CLUSTER);
                    status.set(Texts.get("generate.class.read", read.namespace(), read.name(),
                            read.variables().size()));
                });
    }

    /** The form's Cluster, checked, as the one object of the preview. */
    private void buildFromClass() {
        ClassFormViewModel form = classForm.get();
        int problems = form.check();
        if (problems > 0) {
            error.set(Texts.get("generate.class.fixFields", problems));
            return;
        }
        Map<String, Object> cluster;
        try {
            cluster = form.cluster();
        } catch (InvalidTopologyException | SchemaField.UnreadableValue e) {
            error.set(Texts.get("generate.class.fixFields", 1));
            return;
        }
        clusterName.set(form.nameProperty().get().strip());
        namespace.set(form.namespaceProperty().get().strip());
        GeneratedCluster result = new GeneratedCluster(List.of(cluster), templateOrigin.get(), List.of());
        generated.set(result);
        yaml.set(result.yaml());
        addonSummary.set("");
        results.clear();
        applied.set(false);
        step.set(Step.PREVIEW);
        status.set(Texts.get("generate.class.built", form.model().name()));
    }

    private void loadClasses(Consumer<List<ClusterClassModel>> then) {
        ManagementCluster cluster = connected.get();
        if (cluster == null) {
            clusterClasses.clear();
            chosenClass.set(null);
            return;
        }
        BackgroundTask.of(() -> new ClusterClasses(cluster.client()).list(null))
                .onSuccess(read -> {
                    clusterClasses.setAll(read);
                    ClusterClassModel before = chosenClass.get();
                    chosenClass.set(read.stream().filter(c -> before != null && c.namespace().equals(
                            before.namespace()) && c.name().equals(before.name())).findFirst()
                            .orElse(read.isEmpty() ? null : read.get(0)));
                    if (then != null) {
                        then.accept(read);
                    }
                })
                .onFailure(e -> LOG.info("Cannot list the ClusterClasses: {}", e.getMessage()))
                .runWith(tasks);
    }

    java.util.Optional<String> clusterProblem() {
        List<String> problems = new ArrayList<>();
        KubernetesNames.clusterNameProblem(clusterName.get()).ifPresent(problems::add);
        KubernetesNames.namespaceProblem(namespace.get()).ifPresent(problems::add);
        if (kubernetesVersion.get() != null && !kubernetesVersion.get().isBlank()) {
            KubernetesNames.versionProblem(kubernetesVersion.get().trim()).ifPresent(problems::add);
        }
        if (controlPlaneCount.get() < 1) {
            problems.add(Texts.get("generate.cluster.controlPlaneMin"));
        }
        if (workerCount.get() < 0) {
            problems.add(Texts.get("generate.cluster.workersNegative"));
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
        ManagementCluster cluster = connected.get();
        TemplateSource chosen = source;
        pageWork.run(Texts.get("generate.status.reading", origin(chosen, chosen.describe())), () -> {
            ClusterctlEnvironment environment = environments.get();
            TemplateFetcher.Fetched fetched = generator(environment, cluster).read(source);
            Map<String, String> found = TemplateVariables.of(fetched.text());
            VariableValues values = VariableValues.of(environment);
            List<VariableField> fields = new ArrayList<>();
            found.forEach((name, defaultValue) -> {
                if (!STANDARD.contains(name)) {
                    fields.add(new VariableField(name, defaultValue, values.find(name).orElse(null)));
                }
            });
            return new ReadTemplate(origin(chosen, fetched.origin()), found.size(), fields,
                    defaultCni(chosen, fetched.text()));
        }, read -> {
            templateOrigin.set(read.origin());
            cni.set(read.defaultCni());
            variables.setAll(read.fields());
            step.set(Step.CLUSTER);
            status.set(Texts.get("generate.status.read", read.variableCount(), read.origin()));
        });
    }

    /** The YAML is rendered in the background, with the objects. */
    private record Generated(GeneratedCluster cluster, String yaml) {
    }

    /** Where a template came from, in the window's words where the templates package has English ones. */
    private static String origin(TemplateSource source, String described) {
        if (source instanceof TemplateSource.BuiltIn builtIn) {
            return Texts.get("generate.origin.builtIn", builtIn.template().label());
        }
        if (source instanceof TemplateSource.ConfigMap configMap) {
            return Texts.get("generate.origin.configMap", configMap.namespace(), configMap.name(), configMap.key());
        }
        return described;
    }

    private record ReadTemplate(String origin, int variableCount, List<VariableField> fields, String defaultCni) {
    }

    /**
     * Calico for kubeadm templates (the quick start's CNI); none for the in-memory flavor, whose machines have no
     * kubelet to run a CNI, and for templates of other bootstrap providers.
     */
    static String defaultCni(TemplateSource source, String text) {
        boolean inMemory = source.describe().contains("in-memory") || text.contains("inMemory:");
        return !inMemory && text.contains("kind: KubeadmControlPlane") ? "calico" : Addon.NONE;
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
        ManagementCluster cluster = connected.get();
        String chosenCni = cni.get();
        String other = otherManifest.get() == null ? "" : otherManifest.get().trim();
        boolean secrets = containsSecrets.get();
        Strategy chosenStrategy = strategy.get();
        pageWork.run(Texts.get("generate.status.generating", request.clusterName()), () -> {
            ClusterctlEnvironment environment = environments.get();
            ClusterAddons addons = addons(AddonSources.of(environment, List.of(), chosenCni.equals("none") ? null
                    : InitSetup.builtOfflineComponents()), chosenCni, other, secrets, chosenStrategy);
            ClusterGenerator generator = generator(environment, cluster);
            GeneratedCluster result = generator.generate(request.withAddons(addons), VariableValues.of(environment),
                    generator.read(source));
            return new Generated(result, result.yaml());
        }, done -> {
            GeneratedCluster result = done.cluster();
            addonSummary.set(summary(result.addonPreviews()));
            generated.set(result);
            yaml.set(done.yaml());
            results.clear();
            applied.set(false);
            step.set(Step.PREVIEW);
            status.set(result.addedClusterClasses().isEmpty()
                    ? Texts.get("generate.status.generated", result.objects().size())
                    : Texts.get("generate.status.generatedWithClass", result.objects().size(),
                            String.join(", ", result.addedClusterClasses())));
        });
    }

    /** Reads and checks the chosen manifests: a refused one stops the generation before anything is written. */
    private static ClusterAddons addons(AddonSources sources, String cniName, String other, boolean secrets,
            Strategy strategy) {
        List<Manifest> manifests = new ArrayList<>();
        Addon chosen = AddonCatalog.named(cniName);
        if (!chosen.isNone()) {
            manifests.add(sources.read(chosen));
        }
        if (!other.isEmpty()) {
            manifests.add(sources.readLocation(other));
        }
        return new ClusterAddons(manifests, secrets, strategy);
    }

    /** The add-ons as the preview lists them: where each came from and the lines adapted to the pod CIDR. */
    static String summary(List<ClusterAddons.Preview> previews) {
        StringBuilder text = new StringBuilder();
        for (ClusterAddons.Preview preview : previews) {
            if (preview.adaptedLines().isEmpty()) {
                text.append(Texts.get("generate.addons.asIs", preview.manifest(), preview.origin()));
            } else {
                text.append(Texts.get("generate.addons.adapted", preview.manifest(), preview.origin()));
                preview.adaptedLines().forEach(line -> text.append("\n    ").append(Texts.get("generate.addons.line",
                        line.number(), line.before().strip(), line.after().strip())));
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    /** Applies the generated objects; {@code createNamespaces} answers the "namespace does not exist" question. */
    public void apply(boolean createNamespaces) {
        GeneratedCluster objects = generated.get();
        if (objects == null) {
            return;
        }
        if (connected.get() == null) {
            error.set(Texts.get("generate.apply.connectFirst"));
            return;
        }
        results.clear();
        missingNamespaces.clear();
        String name = clusterName.get().trim();
        String ns = namespace.get().trim();
        ManagementCluster cluster = connected.get();
        pageWork.run(Texts.get("generate.status.applying", objects.objects().size(), cluster.name()), () -> {
            try {
                return new Applied(new ClusterApplier(cluster.client()).apply(objects.objects(), createNamespaces,
                        result -> tasks.onUiThread(() -> results.add(result))), List.of());
            } catch (ClusterApplier.MissingNamespacesException e) {
                return new Applied(List.of(), e.namespaces());
            }
        }, outcome -> {
            if (!outcome.missingNamespaces().isEmpty()) {
                missingNamespaces.setAll(outcome.missingNamespaces());
                return;
            }
            List<ObjectResult> all = outcome.results();
            long failed = all.stream().filter(r -> !r.outcome().ok()).count();
            if (failed == 0) {
                applied.set(true);
                status.set(Texts.get("generate.status.applied", all.size(), ns, name));
                showCluster.accept(ns, name);
            } else {
                error.set(Texts.get("generate.apply.someFailed", failed, all.size()));
            }
        });
    }

    private record Applied(List<ObjectResult> results, List<String> missingNamespaces) {
    }

    /** Opens the live tree of the applied cluster again. */
    public void openTree() {
        showCluster.accept(namespace.get().trim(), clusterName.get().trim());
    }

    public void saveAs(Path file) {
        String text = yaml.get();
        pageWork.run(Texts.get("generate.status.saving", file), () -> {
            SecretFiles.write(file, text);
            return file;
        }, saved -> status.set(Texts.get("generate.status.saved", saved)));
    }

    private void loadNamespaces() {
        ManagementCluster cluster = connected.get();
        if (cluster == null) {
            namespaces.setAll("default");
            return;
        }
        BackgroundTask.of(() -> cluster.client().namespaces().list().getItems().stream()
                        .map(n -> n.getMetadata().getName()).sorted().toList())
                .onSuccess(namespaces::setAll)
                .onFailure(e -> LOG.info("Cannot list namespaces: {}", e.getMessage()))
                .runWith(tasks);
    }

    /** The infrastructure providers of the clusterctl environment, those added in clusterctl.yaml among them. */
    private void loadProviders() {
        BackgroundTask.of(() -> environments.get().catalog().ofType(ProviderType.INFRASTRUCTURE).stream()
                        .map(Provider::name).toList())
                .onSuccess(infrastructureProviders::setAll)
                .onFailure(e -> error.set(Texts.get("providers.table.failed", e.getMessage())))
                .runWith(tasks);
    }

    /** @param cluster the connected management cluster, or null */
    private static ClusterGenerator generator(ClusterctlEnvironment environment, ManagementCluster cluster) {
        KubernetesClient current = cluster == null ? null : cluster.client();
        ClusterClassLookup lookup = current == null ? ClusterClassLookup.NONE : new ManagementClusterLookup(current);
        return new ClusterGenerator(TemplateFetcher.of(environment, current,
                () -> new ByteArrayInputStream(new byte[0])), lookup);
    }

    TemplateSource source() {
        return switch (sourceKind.get()) {
            case BUILT_IN -> {
                if (builtIn.get() == null) {
                    throw new IllegalArgumentException(Texts.get("generate.source.pickBuiltIn"));
                }
                yield new TemplateSource.BuiltIn(builtIn.get());
            }
            case PROVIDER_RELEASE -> {
                if (provider.get() == null || provider.get().isBlank()) {
                    throw new IllegalArgumentException(Texts.get("generate.source.nameProvider"));
                }
                String version = providerVersion.get().trim();
                yield new TemplateSource.ProviderRelease(provider.get().trim(), version.isEmpty() ? null : version,
                        flavor.get().trim().isEmpty() ? null : flavor.get().trim());
            }
            case LOCATION -> {
                if (location.get().isBlank()) {
                    throw new IllegalArgumentException(Texts.get("generate.source.giveLocation"));
                }
                yield new TemplateSource.Location(location.get().trim());
            }
            case CLUSTER_CLASS -> throw new IllegalArgumentException(Texts.get("generate.class.noTemplate"));
            case CONFIG_MAP -> {
                if (configMapName.get().isBlank()) {
                    throw new IllegalArgumentException(Texts.get("generate.source.nameConfigMap"));
                }
                if (connected.get() == null) {
                    throw new IllegalArgumentException(Texts.get("generate.source.configMapNeedsCluster"));
                }
                yield new TemplateSource.ConfigMap(configMapNamespace.get().trim(), configMapName.get().trim(),
                        configMapKey.get().isBlank() ? TemplateSource.ConfigMap.DEFAULT_KEY
                                : configMapKey.get().trim());
            }
        };
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

    /** The names to offer for a provider release template, read in the background. */
    public ObservableList<String> infrastructureProviders() {
        return infrastructureProviders;
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

    /** The known add-ons' names, for the CNI choice. */
    public List<String> addonNames() {
        return AddonCatalog.all().stream().map(Addon::name).toList();
    }

    public StringProperty cniProperty() {
        return cni;
    }

    public StringProperty otherManifestProperty() {
        return otherManifest;
    }

    public BooleanProperty containsSecretsProperty() {
        return containsSecrets;
    }

    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    /** The add-ons of the last generation and their adapted lines; empty without add-ons. */
    public StringProperty addonSummaryProperty() {
        return addonSummary;
    }

    /** The ClusterClasses of the management cluster, for the template step's class choice. */
    public ObservableList<ClusterClassModel> clusterClasses() {
        return clusterClasses;
    }

    public ObjectProperty<ClusterClassModel> chosenClassProperty() {
        return chosenClass;
    }

    /** The form of the chosen class, once read; null before. */
    public ObjectProperty<ClassFormViewModel> classFormProperty() {
        return classForm;
    }

    public ObjectProperty<ManagementCluster> connectedProperty() {
        return connected;
    }
}
