package dev.capiconsole.lab;

import dev.capiconsole.cli.CliRunner;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The fixture most lab tests share: the embedded lab started in {@code data}, one ready in-memory cluster in
 * namespace default, a client, and the CLI pointed at the lab's kubeconfig.
 */
public final class LabWithCluster implements AutoCloseable {

    private final Lab lab;
    private final KubernetesClient client;
    private final LabClusters clusters;

    private LabWithCluster(Lab lab, KubernetesClient client, LabClusters clusters) {
        this.lab = lab;
        this.client = client;
        this.clusters = clusters;
    }

    public static LabWithCluster start(Path data, String cluster, int controlPlanes, int workers) throws Exception {
        Lab lab = Lab.start(LabOptions.defaults().withDataDir(data.resolve("lab")), line -> { });
        KubernetesClient client = lab.client();
        LabClusters clusters = new LabClusters(lab, client, data);
        LabWithCluster fixture = new LabWithCluster(lab, client, clusters);
        try {
            clusters.create(cluster, "default", controlPlanes, workers);
            clusters.awaitReady(cluster, "default", workers, Duration.ofMinutes(4));
            return fixture;
        } catch (Exception | Error e) {
            fixture.close();
            throw e;
        }
    }

    public Lab lab() {
        return lab;
    }

    public KubernetesClient client() {
        return client;
    }

    public LabClusters clusters() {
        return clusters;
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
