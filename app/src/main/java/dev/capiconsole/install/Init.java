package dev.capiconsole.install;

import dev.capiconsole.install.InitProgress.State;
import dev.capiconsole.install.InitProgress.Step;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.providers.Release;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code clusterctl init} in Java: ensures the inventory CRD, adds the kubeadm defaults on a first run, fetches and
 * processes every provider's components, checks versions, contracts and namespaces before anything is written,
 * ensures cert-manager, applies each provider's objects followed by its inventory object, and waits for the
 * managers when asked. A provider already installed at the asked version is not re-applied: objects missing from
 * an interrupted install are created, nothing else is touched.
 */
public final class Init {

    /** The Cluster API contract this console speaks, and the ones it accepts from providers. */
    public static final String CURRENT_CONTRACT = "v1beta2";

    private static final Pattern NAMESPACE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** What happened to one provider. */
    public record ProviderOutcome(ProviderSpec provider, String namespace, Kind kind, String detail) {
        public enum Kind { INSTALLED, ALREADY_INSTALLED, COMPLETED }
    }

    public record Result(boolean firstRun, List<ProviderOutcome> providers, CertManager.Outcome certManager) {
    }

    private final KubernetesClient client;
    private final ReleaseRepository repository;
    private final Function<String, String> environmentValues;
    private final CertManager.Settings certManagerSettings;
    private final Duration deploymentPoll;
    private final ImageOverrides imageOverrides;

    public Init(KubernetesClient client, ReleaseRepository repository, Function<String, String> environmentValues,
            CertManager.Settings certManagerSettings) {
        this(client, repository, environmentValues, certManagerSettings, ImageOverrides.NONE);
    }

    /** With the {@code images:} overrides applied to the providers' and cert-manager's workloads. */
    public Init(KubernetesClient client, ReleaseRepository repository, Function<String, String> environmentValues,
            CertManager.Settings certManagerSettings, ImageOverrides imageOverrides) {
        this(client, repository, environmentValues, certManagerSettings, Duration.ofSeconds(1), imageOverrides);
    }

    Init(KubernetesClient client, ReleaseRepository repository, Function<String, String> environmentValues,
            CertManager.Settings certManagerSettings, Duration deploymentPoll) {
        this(client, repository, environmentValues, certManagerSettings, deploymentPoll, ImageOverrides.NONE);
    }

    private Init(KubernetesClient client, ReleaseRepository repository, Function<String, String> environmentValues,
            CertManager.Settings certManagerSettings, Duration deploymentPoll, ImageOverrides imageOverrides) {
        this.client = client;
        this.repository = repository;
        this.environmentValues = environmentValues;
        this.certManagerSettings = certManagerSettings;
        this.deploymentPoll = deploymentPoll;
        this.imageOverrides = imageOverrides;
    }

    public Result run(InitRequest request, InitProgress progress) {
        Map<Step, Boolean> open = new EnumMap<>(Step.class);
        Step current = Step.INVENTORY;
        try {
            progress.step(current, State.RUNNING, "");
            boolean created = new Inventory(client).ensureDefinition(Duration.ofSeconds(60));
            List<InstalledProvider> installed = new Inventory(client).list();
            boolean firstRun = installed.stream().noneMatch(p -> p.type() == ProviderType.CORE);
            if (firstRun) {
                io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition clusters = client
                        .apiextensions().v1().customResourceDefinitions().withName("clusters.cluster.x-k8s.io").get();
                if (clusters != null && !leftByAnInterruptedInit(clusters.getMetadata().getLabels())) {
                    throw new InstallException("Cluster API is already installed here, but not by clusterctl (its "
                            + "inventory has no core provider): the embedded lab or another installer put it there. "
                            + "init would overwrite its objects, so it stops; install providers with the tool that "
                            + "installed Cluster API");
                }
                if (clusters != null) {
                    progress.line("Cluster API's objects are here without their inventory: an earlier init was cut "
                            + "off; completing it");
                }
            }
            progress.step(current, State.DONE, (created ? "installed" : "present") + "; " + installed.size()
                    + " provider(s) installed" + (firstRun ? "; first run: adding cluster-api and kubeadm" : ""));

            current = Step.FETCH;
            progress.step(current, State.RUNNING, "");
            List<ProviderSpec> specs = request.providers(firstRun);
            if (specs.isEmpty()) {
                throw new InstallException("nothing to install: name at least one provider");
            }
            Function<String, String> values = name -> request.variables().containsKey(name)
                    ? request.variables().get(name) : environmentValues.apply(name);
            List<Planned> planned = new ArrayList<>();
            for (ProviderSpec spec : specs) {
                Optional<InstalledProvider> existing = installed.stream().filter(p -> p.sameProviderAs(spec))
                        .findFirst();
                ProviderSpec wanted = spec.version() == null && existing.isPresent()
                        ? spec.withVersion(existing.get().version()) : spec;
                String namespace = request.targetNamespace() == null && existing.isPresent()
                        ? existing.get().namespace() : request.targetNamespace();
                Release release = repository.resolve(wanted);
                ProviderSpec resolved = wanted.withVersion(release.version());
                progress.line("Fetched " + resolved + " from " + release.origin());
                ReleaseMetadata metadata = ReleaseMetadata.parse(release.read("metadata.yaml"),
                        release.origin() + "/metadata.yaml");
                ProviderComponents components = ProviderComponents.process(resolved, release.components(),
                        release.origin() + "/" + release.componentsFile(), namespace, values);
                imageOverrides.apply(resolved.label(), components.objects());
                planned.add(new Planned(components, metadata, existing.orElse(null)));
            }
            progress.step(current, State.DONE, planned.size() + " provider(s): " + String.join(", ",
                    planned.stream().map(p -> p.components.provider().toString()).toList()));

            current = Step.VALIDATE;
            progress.step(current, State.RUNNING, "");
            validate(planned, installed, progress);
            progress.step(current, State.DONE, "contracts, versions and namespaces agree");

            current = Step.CERT_MANAGER;
            progress.step(current, State.RUNNING, "");
            CertManager.Settings settings = request.certManagerTimeout() == null ? certManagerSettings
                    : certManagerSettings.withTimeout(request.certManagerTimeout());
            CertManager.Outcome certManager = new CertManager(client, imageOverrides).ensure(repository, settings,
                    progress::line);
            progress.step(current, State.DONE, certManager == CertManager.Outcome.ALREADY_INSTALLED
                    ? "already installed" : "installed " + settings.version());

            current = Step.INSTALL;
            progress.step(current, State.RUNNING, "");
            List<ProviderOutcome> outcomes = new ArrayList<>();
            for (Planned plan : planned) {
                outcomes.add(install(plan, progress));
            }
            progress.step(current, State.DONE, summary(outcomes));

            current = Step.WAIT;
            if (request.waitProviders()) {
                progress.step(current, State.RUNNING, "up to " + GoDuration.format(request.waitProviderTimeout()));
                List<DeploymentWait.Target> targets = new ArrayList<>();
                for (Planned plan : planned) {
                    for (Map<String, Object> deployment : plan.components.managerDeployments()) {
                        Map<String, Object> metadata = ProviderComponents.metadata(deployment);
                        targets.add(new DeploymentWait.Target(String.valueOf(metadata.get("namespace")),
                                String.valueOf(metadata.get("name"))));
                    }
                }
                new DeploymentWait(client, deploymentPoll).await(targets, request.waitProviderTimeout(),
                        progress::line);
                progress.step(current, State.DONE, targets.size() + " manager Deployment(s) available");
            } else {
                progress.step(current, State.SKIPPED, "not asked to wait");
            }
            current = Step.METALLB;
            if (request.metalLbVersion() != null) {
                progress.step(current, State.RUNNING, request.metalLbVersion());
                MetalLb.Pool pool = new MetalLb(client).install(repository, request.metalLbVersion(),
                        request.waitProviderTimeout(), progress::line);
                progress.step(current, State.DONE, "address pool " + pool.range());
            } else {
                progress.step(current, State.SKIPPED, "not asked for");
            }
            return new Result(firstRun, outcomes, certManager);
        } catch (RuntimeException e) {
            progress.step(current, State.FAILED, e.getMessage());
            throw e instanceof InstallException ? e : new InstallException(String.valueOf(e.getMessage()), e);
        }
    }

    private record Planned(ProviderComponents components, ReleaseMetadata metadata, InstalledProvider existing) {
        boolean sameAsInstalled() {
            return existing != null && existing.version().equals(components.provider().version())
                    && existing.namespace().equals(components.targetNamespace());
        }
    }

    private void validate(List<Planned> planned, List<InstalledProvider> installed, InitProgress progress) {
        for (Planned plan : planned) {
            ProviderSpec spec = plan.components.provider();
            String namespace = plan.components.targetNamespace();
            if (!NAMESPACE_NAME.matcher(namespace).matches() || namespace.length() > 63) {
                throw new InstallException("\"" + namespace + "\" is not a valid namespace name (lower case letters, "
                        + "digits and '-', at most 63)");
            }
            if (plan.existing != null && !plan.sameAsInstalled()) {
                if (!plan.existing.version().equals(spec.version())) {
                    throw new InstallException(spec.label() + " is already installed at " + plan.existing.version()
                            + " in namespace " + plan.existing.namespace() + "; init does not upgrade providers (asked "
                            + "for " + spec.version() + "). Use upgrade apply, or ask for "
                            + spec.name() + ":" + plan.existing.version() + ".");
                }
                throw new InstallException("installing provider \"" + spec.label() + "\" can lead to a non "
                        + "functioning management cluster: there is already an instance of the \"" + spec.label()
                        + "\" provider installed in the \"" + plan.existing.namespace() + "\" namespace");
            }
            Namespace existingNamespace = client.namespaces().withName(namespace).get();
            if (existingNamespace != null && existingNamespace.getMetadata().getDeletionTimestamp() != null) {
                throw new InstallException("the namespace " + namespace + " is being deleted; wait until it is gone "
                        + "or choose another target namespace");
            }
            String owner = existingNamespace == null || existingNamespace.getMetadata().getLabels() == null ? null
                    : existingNamespace.getMetadata().getLabels().get(ProviderComponents.PROVIDER_LABEL);
            if (owner != null && !owner.equals(spec.label())
                    && installed.stream().anyMatch(p -> p.name().equals(owner) && p.namespace().equals(namespace))) {
                throw new InstallException("the namespace " + namespace + " belongs to the installed provider "
                        + owner + "; install " + spec.label() + " into its own namespace (leave the target namespace "
                        + "empty for its default)");
            }
        }
        String coreContract;
        try {
            coreContract = coreContract(planned, installed);
        } catch (InstallException e) {
            coreContract = CURRENT_CONTRACT;
            progress.line("Cannot read the installed core provider's metadata (" + e.getMessage() + "); checking "
                    + "contracts against " + CURRENT_CONTRACT + ", this console's");
        }
        Set<String> compatible = compatibleContracts(coreContract);
        for (Planned plan : planned) {
            ProviderSpec spec = plan.components.provider();
            String contract = plan.metadata.contractOf(spec.version()).orElseThrow(() -> new InstallException(
                    "invalid provider metadata: version " + spec.version() + " for the provider " + spec.label()
                            + " does not match any release series. Available series: [" + plan.metadata.seriesList()
                            + "]"));
            if (!compatibleContracts(CURRENT_CONTRACT).contains(contract)) {
                throw new InstallException("this console is only compatible with providers implementing the "
                        + String.join(", ", compatibleContracts(CURRENT_CONTRACT)) + " contract versions, detected "
                        + "contract version " + contract + " for provider " + spec.label());
            }
            if (!compatible.contains(contract)) {
                throw new InstallException("installing provider \"" + spec.label() + "\" could lead to a non "
                        + "functioning management cluster: the target version for the provider implements the "
                        + contract + " contract version, while the core provider is compatible with "
                        + String.join(",", compatible) + " contract versions");
            }
        }
    }

    private String coreContract(List<Planned> planned, List<InstalledProvider> installed) {
        for (Planned plan : planned) {
            if (plan.components.isCore()) {
                return plan.metadata.contractOf(plan.components.provider().version()).orElse(CURRENT_CONTRACT);
            }
        }
        InstalledProvider core = installed.stream().filter(p -> p.type() == ProviderType.CORE).findFirst()
                .orElseThrow(() -> new InstallException("invalid management cluster: there must be one core "
                        + "provider, found 0"));
        Release release = repository.resolve(new ProviderSpec(ProviderType.CORE,
                core.providerName(), core.version()));
        return ReleaseMetadata.parse(release.read("metadata.yaml"), release.origin()).contractOf(core.version())
                .orElse(CURRENT_CONTRACT);
    }

    /**
     * Whether Cluster API's objects found without a core provider in the inventory were written by an init (this
     * console's or clusterctl's, which label every object and write the inventory object last) that was cut off
     * before it wrote the inventory: then running init again completes it. Other installers do not set the label.
     */
    static boolean leftByAnInterruptedInit(Map<String, String> clustersCrdLabels) {
        return clustersCrdLabels != null && clustersCrdLabels.containsKey(ProviderComponents.CLUSTERCTL_LABEL)
                && "cluster-api".equals(clustersCrdLabels.get(ProviderComponents.PROVIDER_LABEL));
    }

    static Set<String> compatibleContracts(String contract) {
        return "v1beta2".equals(contract) ? Set.of("v1beta2", "v1beta1") : Set.of(contract);
    }

    /** "3 installed, 1 already installed" */
    static String summary(List<ProviderOutcome> outcomes) {
        Map<ProviderOutcome.Kind, Integer> counts = new java.util.EnumMap<>(ProviderOutcome.Kind.class);
        outcomes.forEach(o -> counts.merge(o.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(count + " " + switch (kind) {
            case INSTALLED -> "installed";
            case ALREADY_INSTALLED -> "already installed";
            case COMPLETED -> "completed";
        }));
        return String.join(", ", parts);
    }

    private ProviderOutcome install(Planned plan, InitProgress progress) {
        ProviderComponents components = plan.components;
        ObjectWriter writer = new ObjectWriter(client);
        Map<ObjectWriter.Outcome, Integer> counts = new LinkedHashMap<>();
        boolean completing = plan.sameAsInstalled();
        progress.line((completing ? "Checking " : "Installing ") + components.provider() + " in namespace "
                + components.targetNamespace() + " (" + components.objects().size() + " objects)");
        progress.line("  images: " + String.join(", ", components.images()));
        for (Map<String, Object> object : components.objects()) {
            ObjectWriter.Outcome outcome = completing ? writer.createIfAbsent(object) : writer.write(object);
            counts.merge(outcome, 1, Integer::sum);
            if (completing && outcome == ObjectWriter.Outcome.CREATED) {
                progress.line("  created missing " + ObjectWriter.describe(object));
            }
        }
        new Inventory(client).write(components.inventoryObject());
        progress.line("  " + components.provider().label() + ": " + counts.getOrDefault(ObjectWriter.Outcome.CREATED,
                0) + " created, " + counts.getOrDefault(ObjectWriter.Outcome.CONFIGURED, 0) + " configured, "
                + counts.getOrDefault(ObjectWriter.Outcome.UNCHANGED, 0) + " unchanged, "
                + counts.getOrDefault(ObjectWriter.Outcome.PRESENT, 0) + " present; inventory written");
        int created = counts.getOrDefault(ObjectWriter.Outcome.CREATED, 0);
        if (completing) {
            return new ProviderOutcome(components.provider(), components.targetNamespace(),
                    created == 0 ? ProviderOutcome.Kind.ALREADY_INSTALLED : ProviderOutcome.Kind.COMPLETED,
                    created == 0 ? "already installed" : "completed: " + created + " missing object(s) created");
        }
        return new ProviderOutcome(components.provider(), components.targetNamespace(), ProviderOutcome.Kind.INSTALLED,
                "installed " + components.provider().version());
    }
}
