package dev.capiconsole.lab;

import dev.capiconsole.cli.CliRunner;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded lab as the tests use it: started in {@code folder/lab} (the folder also takes the clusterctl
 * files of {@link #clusters()}), with an admin client and the CLI pointed at the lab's kubeconfig. Closing it
 * closes the client and stops every process of the lab.
 */
public final class LabFixture implements AutoCloseable {

    private final Lab lab;
    private final KubernetesClient client;
    private final LabClusters clusters;

    private LabFixture(Lab lab, KubernetesClient client, LabClusters clusters) {
        this.lab = lab;
        this.client = client;
        this.clusters = clusters;
    }

    /** The whole lab: etcd, kube-apiserver and Cluster API's controllers with the in-memory provider. */
    public static LabFixture full(Path folder) {
        return start(folder, LabOptions.defaults());
    }

    /** etcd and kube-apiserver only: no Cluster API, no kubelets, no controllers (for tests that install providers). */
    public static LabFixture apiServerOnly(Path folder) {
        return start(folder, LabOptions.defaults().apiServerOnly());
    }

    /** The whole lab with one in-memory cluster in namespace default, ready with all its workers. */
    public static LabFixture withReadyCluster(Path folder, String cluster, int controlPlanes, int workers)
            throws Exception {
        LabFixture fixture = full(folder);
        try {
            fixture.clusters.create(cluster, "default", controlPlanes, workers);
            fixture.clusters.awaitReady(cluster, "default", workers, Duration.ofMinutes(4));
            return fixture;
        } catch (Exception | Error e) {
            fixture.close();
            throw e;
        }
    }

    private static LabFixture start(Path folder, LabOptions options) {
        Lab lab = Lab.start(options.withDataDir(folder.resolve("lab")), LabProgress.NONE);
        KubernetesClient client = lab.client();
        return new LabFixture(lab, client, new LabClusters(lab, client, folder));
    }

    public Lab lab() {
        return lab;
    }

    /** The admin client; the fixture closes it. */
    public KubernetesClient client() {
        return client;
    }

    public LabClusters clusters() {
        return clusters;
    }

    public Path kubeconfig() {
        return lab.kubeconfig();
    }

    public String serverUrl() {
        return lab.serverUrl();
    }

    /** Runs the CLI in-process against the lab. */
    public CliRunner.Result cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--kubeconfig";
        all[args.length + 1] = lab.kubeconfig().toString();
        return CliRunner.run(all);
    }

    @Override
    public void close() {
        client.close();
        lab.close();
    }
}
