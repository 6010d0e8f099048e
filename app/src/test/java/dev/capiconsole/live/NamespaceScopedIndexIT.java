package dev.capiconsole.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.lab.Lab;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.templates.BuiltInTemplates;
import dev.capiconsole.templates.ClusterApplier;
import dev.capiconsole.templates.ClusterClassLookup;
import dev.capiconsole.templates.ClusterGenerator;
import dev.capiconsole.templates.GenerateRequest;
import dev.capiconsole.templates.TemplateFetcher;
import dev.capiconsole.templates.TemplateSource;
import dev.capiconsole.templates.VariableValues;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.DescribeOptions;
import dev.capiconsole.topology.DescribeTable;
import dev.capiconsole.topology.DescribeTreeBuilder;
import dev.capiconsole.topology.SnapshotReader;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator whose role allows Cluster API objects only in their own namespace: the cluster-wide watches are
 * refused, the index falls back to the kubeconfig namespace, shows that namespace's clusters with their full tree,
 * and nothing of the namespaces it may not read.
 */
class NamespaceScopedIndexIT {

    @TempDir
    static Path data;

    private static LabFixture lab;
    private static KubernetesClient admin;

    @BeforeAll
    static void labWithClustersInTwoNamespaces() {
        lab = LabFixture.full(data);
        admin = lab.client();
        ClusterctlEnvironment environment = ClusterctlEnvironment.load(Map.of(), data.resolve("home"), null);
        for (String namespace : List.of("team-a", "team-b")) {
            ClusterGenerator generator = new ClusterGenerator(TemplateFetcher.of(environment, admin, () -> System.in),
                    ClusterClassLookup.NONE);
            var generated = generator.generate(new GenerateRequest("cluster-" + namespace, namespace, "v1.33.0", 1L,
                    1L, new TemplateSource.BuiltIn(BuiltInTemplates.find("docker", "in-memory").orElseThrow()),
                    Map.of()), VariableValues.none());
            new ClusterApplier(admin).apply(generated.objects(), true, r -> { });
        }
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aNamespacedRoleSeesItsNamespaceOnly() throws Exception {
        String token = namespacedViewer("team-a");
        String ca = Base64.getEncoder().encodeToString(Files.readAllBytes(data.resolve("lab/pki/ca.crt")));
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(lab.serverUrl()).withOauthToken(token)
                .withCaCertData(ca).withNamespace("team-a").build();
        try (KubernetesClient viewer = new KubernetesClientBuilder().withConfig(config).build();
             ManagementIndex index = ManagementIndex.start(viewer, o -> { })) {
            try {
                Await.until(Duration.ofSeconds(90), "one cluster and KubeadmControlPlane read per namespace",
                        () -> index.clusters().size() == 1 && index.namespaceScopedKinds().containsKey(
                                "KubeadmControlPlane"));
            } catch (AssertionError e) {
                throw new AssertionError("clusters " + index.clusters().size() + ", forbidden "
                        + index.forbiddenKinds() + ", namespaced " + index.namespaceScopedKinds(), e);
            }
            assertThat(index.clusters()).extracting(c -> c.namespace() + "/" + c.name())
                    .containsExactly("team-a/cluster-team-a");
            assertThat(index.forbiddenKinds()).contains("Cluster", "Machine", "KubeadmControlPlane");
            assertThat(index.namespaceScopedKinds()).containsEntry("Cluster", List.of("team-a"))
                    .containsEntry("MachineDeployment", List.of("team-a"));
            Await.until(Duration.ofSeconds(90), "the MachineDeployment of team-a in the tree",
                    () -> rows(index).contains("MachineDeployment team-a/"));
            assertThat(rows(index)).contains("Cluster team-a/cluster-team-a").contains("KubeadmControlPlane team-a/")
                    .contains("Workers");
            assertThat(index.cluster("team-b", "cluster-team-b")).isNull();
        }
    }

    private static String rows(ManagementIndex index) {
        Instant now = Instant.now();
        return DescribeTable.format(DescribeTable.rows(DescribeTreeBuilder.build(new SnapshotReader(index)
                .read("team-a", "cluster-team-a"), DescribeOptions.defaults(), now), now));
    }

    /** A ServiceAccount that may read Cluster API objects in one namespace, and CRDs (to find provider kinds). */
    private static String namespacedViewer(String namespace) {
        admin.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("viewer").endMetadata().build()).serverSideApply();
        admin.rbac().roles().inNamespace(namespace).resource(new RoleBuilder().withNewMetadata().withName("capi-view")
                .endMetadata().addNewRule().withApiGroups("cluster.x-k8s.io", "infrastructure.cluster.x-k8s.io",
                        "controlplane.cluster.x-k8s.io", "bootstrap.cluster.x-k8s.io", "addons.cluster.x-k8s.io")
                .withResources("*").withVerbs("get", "list", "watch").endRule().build()).serverSideApply();
        admin.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder().withNewMetadata()
                .withName("capi-view").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role").withName("capi-view").endRoleRef().addNewSubject().withKind("ServiceAccount")
                .withName("viewer").withNamespace(namespace).endSubject().build()).serverSideApply();
        admin.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("crd-read")
                .endMetadata().addNewRule().withApiGroups("apiextensions.k8s.io")
                .withResources("customresourcedefinitions").withVerbs("get", "list").endRule().build())
                .serverSideApply();
        admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                .withName("viewer-crd-read").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole").withName("crd-read").endRoleRef().addNewSubject().withKind("ServiceAccount")
                .withName("viewer").withNamespace(namespace).endSubject().build()).serverSideApply();
        return admin.serviceAccounts().inNamespace(namespace).withName("viewer")
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
    }
}
