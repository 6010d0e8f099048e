package dev.capiconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The add-on commands that need no management cluster: listing, and generating with a CNI from overrides. */
class AddonCommandsTest {

    @TempDir
    Path dir;

    private static final String FLANNEL = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: kube-flannel-cfg
              namespace: kube-flannel
            data:
              net-conf.json: |
                {
                  "Network": "10.244.0.0/16"
                }
            """;

    @Test
    void addonsListNamesVersionsAndWhereEachIsRead() throws IOException {
        Path config = Files.writeString(dir.resolve("clusterctl.yaml"), "");
        Path overrides = dir.resolve("overrides");
        Files.createDirectories(overrides.resolve("addon-flannel/v0.28.10"));
        Files.writeString(overrides.resolve("addon-flannel/v0.28.10/kube-flannel.yml"), FLANNEL);

        CliRunner.Result result = CliRunner.run("addons", "list", "--config", config.toString(),
                "--overrides", overrides.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("(?m)^calico +v3.31.0 +calico.yaml +https://github.com/"
                + "projectcalico/calico/releases/download/v3.31.0/calico.yaml")
                .containsPattern("(?m)^flannel +v0.28.10 +kube-flannel.yml +overrides folder " + overrides)
                .contains("addon-<name>/<version>/<file>");
    }

    @Test
    void generateWithACniAppendsTheConfigMapAndTheSetAndReportsTheAdaptedLine() throws IOException {
        Path config = Files.writeString(dir.resolve("clusterctl.yaml"), "");
        Path overrides = dir.resolve("overrides");
        Files.createDirectories(overrides.resolve("addon-flannel/v0.28.10"));
        Files.writeString(overrides.resolve("addon-flannel/v0.28.10/kube-flannel.yml"), FLANNEL);
        String[] base = {"generate", "cluster", "demo", "-n", "ns", "--kubernetes-version", "v1.33.0",
            "--infrastructure", "docker", "--flavor", "in-memory", "--built-in", "--config", config.toString(),
            "--kubeconfig", dir.resolve("none.yaml").toString()};

        CliRunner.Result plain = CliRunner.run(base);
        CliRunner.Result withCni = CliRunner.run(concat(base, "--cni", "flannel", "--overrides", overrides.toString()));

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(withCni.exitCode()).as(withCni.err()).isZero();
        assertThat(withCni.out()).startsWith(plain.out().substring(0, plain.out().indexOf("kind: Cluster\n")))
                .contains("capi-console.dev/addons: demo-addons")
                .contains("kind: ClusterResourceSet").contains("name: demo-addons-flannel")
                .contains("kube-flannel.yml: |").contains("\"Network\": \"192.168.0.0/16\"");
        assertThat(withCni.err()).contains("# add-on flannel from overrides folder")
                .contains("\"Network\": \"192.168.0.0/16\"");
        assertThat(CliRunner.run(concat(base, "--cni", "weave")).err()).contains("unknown add-on 'weave'");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void calicoFromAnOverridesFolderGetsTheKubeadmClustersPodCidr() throws IOException {
        Path config = Files.writeString(dir.resolve("clusterctl.yaml"), "");
        Path overrides = dir.resolve("overrides");
        Files.createDirectories(overrides.resolve("addon-calico/v3.31.0"));
        Files.writeString(overrides.resolve("addon-calico/v3.31.0/calico.yaml"), """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: calico-node
                spec:
                  template:
                    spec:
                      containers:
                        - name: calico-node
                          env:
                            # - name: CALICO_IPV4POOL_CIDR
                            #   value: "192.168.0.0/16"
                """);

        CliRunner.Result result = CliRunner.run("generate", "cluster", "kubeadm", "-n", "ns", "--kubernetes-version",
                "v1.33.0", "--infrastructure", "docker", "--flavor", "development", "--built-in", "--config",
                config.toString(), "--kubeconfig", dir.resolve("none.yaml").toString(), "--cni", "calico",
                "--overrides", overrides.toString(), "--addon-strategy", "Reconcile");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("name: kubeadm-addons-calico").contains("strategy: Reconcile")
                .contains("- name: CALICO_IPV4POOL_CIDR\n").doesNotContain("# - name: CALICO_IPV4POOL_CIDR")
                .contains("  value: \"" + POD_CIDR + "\"");
        assertThat(result.err()).contains("value: \"" + POD_CIDR + "\"");
    }

    private static final String POD_CIDR = "192.168.0.0/16";
}
