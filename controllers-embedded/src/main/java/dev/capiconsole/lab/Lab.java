package dev.capiconsole.lab;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The embedded management plane: real etcd, kube-apiserver and Cluster API managers (core, kubeadm bootstrap,
 * kubeadm control plane, docker with its in-memory backend) as local processes on loopback.
 *
 * <p>Everything it keeps lives in {@link LabOptions#dataDir()}: etcd's data (so clusters survive a restart),
 * certificates, the admin kubeconfig (0600), the chosen ports, the processes' logs and a state file.
 */
public final class Lab implements AutoCloseable {

    static final String FIELD_MANAGER = "capi-console-lab";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The in-memory backend's debug server port; its workload API servers take ports 20000-30000. */
    static final int IN_MEMORY_DEBUG_PORT = 19000;

    private final LabOptions options;
    private final LabLayout layout;
    private final LabBinaries binaries;
    private final int apiServerPort;
    private final List<LabProcess> processes;
    private final Process watchdog;
    private final LabHealth health;
    private final LabPorts ports;

    private Lab(LabOptions options, LabLayout layout, LabBinaries binaries, int apiServerPort,
                List<LabProcess> processes, Process watchdog, LabHealth health, LabPorts ports) {
        this.options = options;
        this.layout = layout;
        this.binaries = binaries;
        this.apiServerPort = apiServerPort;
        this.processes = processes;
        this.watchdog = watchdog;
        this.health = health;
        this.ports = ports;
    }

    /** Builds what is missing, starts every part, waits until each is ready, and returns the running lab. */
    public static Lab start(LabOptions options, LabProgress progress) {
        LabLayout layout = new LabLayout(options.dataDir());
        LabState.running(layout).ifPresent(running -> {
            throw new LabException("the lab in " + options.dataDir() + " is already running (" + running
                    + "). Use it through " + layout.kubeconfig() + ", or stop it first: capi-console lab stop");
        });
        Instant started = Instant.now();
        progress.report("Checking the lab binaries (built from the Go module proxy on first use)...");
        LabBinaries binaries = options.controllers()
                ? LabBinaries.ensure(progress)
                : LabBinaries.ensure(progress, "etcd", "kube-apiserver");

        LabPorts ports = LabPorts.load(layout.portsFile());
        List<String> portNames = new ArrayList<>(List.of("etcd.client", "etcd.peer", "kube-apiserver"));
        if (options.controllers()) {
            for (LabProvider provider : LabProvider.values()) {
                portNames.addAll(List.of(provider.portName("webhook"), provider.portName("health"),
                        provider.portName("diagnostics")));
            }
        }
        ports.requireFree(portNames);
        if (options.controllers() && !LabPorts.isFree(IN_MEMORY_DEBUG_PORT)) {
            throw new LabException("port " + IN_MEMORY_DEBUG_PORT + " is already in use: the docker provider's "
                    + "in-memory backend needs it (fixed upstream), so only one full lab can run on a machine. "
                    + "Is another lab running? See capi-console lab status, or stop the program that holds it.");
        }
        ports.save();

        progress.report("Preparing certificates in " + layout.pki());
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(layout.pki());
        CertificateAuthority.ensureServiceAccountKeys(layout.pki());
        CertificateAuthority.IssuedCertificate serving = ca.issueServing(layout.pki(), "kube-apiserver",
                List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc",
                        "kubernetes.default.svc.cluster.local"));
        CertificateAuthority.IssuedCertificate admin =
                ca.issueClient(layout.pki(), "admin", "capi-console-admin", "system:masters");

        List<LabProcess> processes = Collections.synchronizedList(new ArrayList<>());
        Process watchdog = null;
        try {
            if (options.stopWithThisProcess()) {
                watchdog = Watchdog.start(layout);
            }
            LabHealth health = new LabHealth(ca.certificate());
            int etcdPort = ports.port("etcd.client");
            progress.report("Starting etcd on 127.0.0.1:" + etcdPort);
            LabProcess etcd = startProcess(options, layout, processes, "etcd",
                    Commands.etcd(binaries.binary("etcd"), layout, etcdPort, ports.port("etcd.peer")), Map.of());
            etcd.awaitReady(() -> health.etcdHealthy(etcdPort), options.readyTimeout(), health::lastFailure);

            int apiPort = ports.port("kube-apiserver");
            progress.report("Starting kube-apiserver on https://127.0.0.1:" + apiPort);
            LabProcess apiServer = startProcess(options, layout, processes, "kube-apiserver",
                    Commands.apiServer(binaries.binary("kube-apiserver"), layout, apiPort, etcdPort,
                            serving), Map.of());
            apiServer.awaitReady(() -> health.apiServerReady(apiPort), options.readyTimeout(), health::lastFailure);
            Kubeconfigs.writeAdmin(layout.kubeconfig(), apiPort, layout.pki().resolve("ca.crt"),
                    admin.certificateFile(), admin.keyFile());

            if (options.controllers()) {
                startControllers(options, layout, binaries, ports, ca, health, processes, progress);
            }
            LabState.write(layout, processes, apiPort);
            progress.report(String.format("Lab ready in %.1f s: kubeconfig %s",
                    Duration.between(started, Instant.now()).toMillis() / 1000.0, layout.kubeconfig()));
            return new Lab(options, layout, binaries, apiPort, processes, watchdog, health, ports);
        } catch (RuntimeException | IOException e) {
            stopAll(processes, watchdog);
            LabState.clear(layout);
            if (e instanceof LabException lab) {
                throw lab;
            }
            throw new LabException("the lab could not start: " + e.getMessage(), e);
        }
    }

    private static void startControllers(LabOptions options, LabLayout layout, LabBinaries binaries, LabPorts ports,
                                         CertificateAuthority ca, LabHealth health, List<LabProcess> processes,
                                         LabProgress progress) throws IOException {
        progress.report("Installing the providers' CRDs and webhook configurations");
        String caPem = ca.certificatePem();
        try (KubernetesClient client = client(layout.kubeconfig())) {
            for (LabProvider provider : LabProvider.values()) {
                ProviderManifests manifests = new ProviderManifests(binaries.source(provider.configDirKey()),
                        provider.namePrefix(), provider.providerLabel());
                int webhookPort = ports.port(provider.portName("webhook"));
                for (Map<String, Object> crd : manifests.customResourceDefinitions(webhookPort, caPem)) {
                    apply(client, crd);
                }
                for (Map<String, Object> configuration : manifests.webhookConfigurations(webhookPort, caPem)) {
                    apply(client, configuration);
                }
            }
            awaitCrdsEstablished(client, options.readyTimeout());
        }

        Map<LabProvider, LabProcess> managers = new LinkedHashMap<>();
        for (LabProvider provider : LabProvider.values()) {
            Path certDir = layout.pki().resolve("webhook-" + provider.binary());
            CertificateAuthority.IssuedCertificate cert = ca.issueServing(certDir, "tls", List.of());
            progress.report("Starting " + provider.binary());
            managers.put(provider, startProcess(options, layout, processes, provider.binary(),
                    Commands.manager(binaries.binary(provider.binary()), layout, provider, ports, certDir),
                    Map.of("POD_IP", "127.0.0.1", "POD_NAMESPACE", "default")));
            cert.certificateFile();
        }
        for (Map.Entry<LabProvider, LabProcess> entry : managers.entrySet()) {
            int healthPort = ports.port(entry.getKey().portName("health"));
            entry.getValue().awaitReady(() -> health.managerReady(healthPort), options.readyTimeout(),
                    health::lastFailure);
            progress.report(entry.getKey().binary() + " is ready");
        }
    }

    private static LabProcess startProcess(LabOptions options, LabLayout layout, List<LabProcess> processes,
                                           String name, List<String> command, Map<String, String> environment) {
        LabProcess process = LabProcess.start(name, command, environment, layout.log(name),
                !options.stopWithThisProcess());
        processes.add(process);
        Watchdog.record(layout, process);
        return process;
    }

    static KubernetesClient client(Path kubeconfig) throws IOException {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
    }

    private static void apply(KubernetesClient client, Map<String, Object> object) {
        GenericKubernetesResource resource =
                Serialization.unmarshal(Serialization.asJson(object), GenericKubernetesResource.class);
        try {
            client.resource(resource).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            throw new LabException("installing " + resource.getKind() + " " + resource.getMetadata().getName()
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static void awaitCrdsEstablished(KubernetesClient client, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<String> pending = client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                    .filter(crd -> !established(crd))
                    .map(crd -> crd.getMetadata().getName())
                    .toList();
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LabException("CRDs not established after " + timeout.toSeconds() + " s: " + pending);
            }
            LabProcess.sleep(200);
        }
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** The admin kubeconfig of the running lab (0600). */
    public Path kubeconfig() {
        return layout.kubeconfig();
    }

    public String serverUrl() {
        return "https://127.0.0.1:" + apiServerPort;
    }

    public Path dataDir() {
        return options.dataDir();
    }

    public LabBinaries binaries() {
        return binaries;
    }

    /** A client for the lab's API server, as its admin. */
    public KubernetesClient client() {
        try {
            return client(layout.kubeconfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names of the lab's processes, in start order: {@code etcd}, {@code kube-apiserver}, then each manager
     * ({@code capi-controller-manager}, ...). For fault tests, with {@link #kill}, {@link #stop} and {@link #startAgain}.
     */
    public List<String> processNames() {
        synchronized (processes) {
            return processes.stream().map(LabProcess::name).toList();
        }
    }

    /** The pid of one of the lab's processes. */
    public long pid(String name) {
        return process(name).pid();
    }

    /** Ends one of the lab's processes with SIGKILL, as a crash would; the others keep running. */
    public void kill(String name) {
        process(name).kill();
    }

    /** Stops one of the lab's processes as an orderly shutdown would (SIGTERM, SIGKILL after the grace time). */
    public void stop(String name) {
        process(name).stop(STOP_GRACE);
    }

    /** Starts a process that was killed or stopped again, with the same arguments, and waits until it is ready. */
    public void startAgain(String name) {
        LabProcess restarted;
        synchronized (processes) {
            LabProcess old = process(name);
            restarted = old.startAgain();
            processes.set(processes.indexOf(old), restarted);
        }
        Watchdog.record(layout, restarted);
        LabState.write(layout, processes, apiServerPort);
        restarted.awaitReady(readiness(name), options.readyTimeout(), health::lastFailure);
    }

    private BooleanSupplier readiness(String name) {
        if (name.equals("etcd")) {
            int port = ports.port("etcd.client");
            return () -> health.etcdHealthy(port);
        }
        if (name.equals("kube-apiserver")) {
            return () -> health.apiServerReady(apiServerPort);
        }
        int healthPort = ports.port(name + ".health");
        return () -> health.managerReady(healthPort);
    }

    private LabProcess process(String name) {
        synchronized (processes) {
            return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the lab has no process " + name
                            + "; it has " + processes.stream().map(LabProcess::name).toList()));
        }
    }

    /** Stops every process of the lab, managers first; the data directory stays for the next start. */
    @Override
    public void close() {
        stopAll(processes, watchdog);
        LabState.clear(layout);
    }

    /** Stops a lab started by another process (e.g. {@code capi-console lab start}); false if none was running. */
    public static boolean stop(Path dataDir) {
        LabLayout layout = new LabLayout(dataDir);
        List<ProcessHandle> handles = LabState.liveProcesses(layout);
        for (int i = handles.size() - 1; i >= 0; i--) {
            LabProcess.stop(handles.get(i), STOP_GRACE);
        }
        LabState.clear(layout);
        return !handles.isEmpty();
    }

    /**
     * The log files of the lab's Cluster API managers, by manager name, when {@code kubeconfig} is a lab's admin
     * kubeconfig (its data directory has them); empty for any other kubeconfig.
     */
    public static Map<String, Path> managerLogs(Path kubeconfig) {
        Path absolute = kubeconfig.toAbsolutePath().normalize();
        LabLayout layout = new LabLayout(absolute.getParent());
        Map<String, Path> logs = new LinkedHashMap<>();
        if (absolute.equals(layout.kubeconfig())) {
            for (LabProvider provider : LabProvider.values()) {
                Path log = layout.log(provider.binary());
                if (Files.isRegularFile(log)) {
                    logs.put(provider.binary(), log);
                }
            }
        }
        return logs;
    }

    /** What is running in {@code dataDir}, if anything. */
    public static Optional<String> status(Path dataDir) {
        return LabState.running(new LabLayout(dataDir));
    }

    private static void stopAll(List<LabProcess> processes, Process watchdog) {
        if (watchdog != null) {
            watchdog.destroy();
        }
        List<LabProcess> reversed;
        synchronized (processes) {
            reversed = new ArrayList<>(processes);
        }
        Collections.reverse(reversed);
        for (LabProcess process : reversed) {
            process.stop(STOP_GRACE);
        }
    }
}
