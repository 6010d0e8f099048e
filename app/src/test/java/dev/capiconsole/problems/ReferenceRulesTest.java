package dev.capiconsole.problems;

import static dev.capiconsole.problems.Fixtures.cluster;
import static dev.capiconsole.problems.Fixtures.find;
import static dev.capiconsole.problems.Fixtures.objects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceRulesTest {

    private static final String DEPLOYMENT = """
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: MachineDeployment
            metadata:
              name: md
              namespace: ns
              labels: {cluster.x-k8s.io/cluster-name: c1}
            spec:
              clusterName: c1
              template:
                spec:
                  bootstrap:
                    configRef: {apiGroup: bootstrap.cluster.x-k8s.io, kind: KubeadmConfigTemplate, name: md-config}
                  infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DockerMachineTemplate, name: md-missing}
            """;

    private static final String CONFIG_TEMPLATE = """
            apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
            kind: KubeadmConfigTemplate
            metadata: {name: md-config, namespace: ns}
            """;

    @Test
    void aTemplateThatDoesNotExistIsReportedWithTheFieldThatNamesIt() {
        ManagementObjects objects = objects(DEPLOYMENT, CONFIG_TEMPLATE)
                .kindRead("infrastructure.cluster.x-k8s.io", "DockerMachineTemplate");

        List<Problem> problems = find("missing-reference", objects);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.object()).isEqualTo("MachineDeployment ns/md");
            assertThat(p.what()).isEqualTo("References DockerMachineTemplate ns/md-missing, which does not exist");
            assertThat(p.evidence()).isEqualTo("spec.template.spec.infrastructureRef = DockerMachineTemplate/md-missing "
                    + "(infrastructure.cluster.x-k8s.io): no such object in namespace ns");
            assertThat(p.nextStep()).contains("kubectl get dockermachinetemplate.infrastructure.cluster.x-k8s.io -n ns");
        });
    }

    @Test
    void aKindThatWasNotReadIsNotGuessedMissingAndOneThatIsNotServedIsSaid() {
        assertThat(find("missing-reference", objects(DEPLOYMENT, CONFIG_TEMPLATE))).isEmpty();

        ManagementObjects unserved = objects(DEPLOYMENT, CONFIG_TEMPLATE)
                .kindNotServed("infrastructure.cluster.x-k8s.io", "DockerMachineTemplate");
        assertThat(find("missing-reference", unserved)).singleElement().extracting(Problem::evidence).asString()
                .endsWith("the server serves no kind DockerMachineTemplate in infrastructure.cluster.x-k8s.io");
    }

    @Test
    void aClusterWhoseClassAndControlPlaneExistIsFineAndAMissingClassIsNot() {
        String topology = cluster("""
                spec:
                  controlPlaneRef: {apiGroup: controlplane.cluster.x-k8s.io, kind: KubeadmControlPlane, name: cp}
                  topology:
                    classRef: {name: quick-start}
                """);
        String controlPlane = """
                apiVersion: controlplane.cluster.x-k8s.io/v1beta2
                kind: KubeadmControlPlane
                metadata: {name: cp, namespace: ns}
                """;
        String clusterClass = """
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: ClusterClass
                metadata: {name: quick-start, namespace: ns}
                """;
        assertThat(find("missing-reference", objects(topology, controlPlane, clusterClass))).isEmpty();
        assertThat(find("missing-reference", objects(topology, controlPlane).kindRead("cluster.x-k8s.io",
                "ClusterClass"))).singleElement().extracting(Problem::evidence).asString()
                .startsWith("spec.topology.classRef = ClusterClass/quick-start");
    }

    @Test
    void aReferenceIntoANamespaceThatWasNotReadIsNotGuessedMissing() {
        String otherNamespace = cluster("""
                spec:
                  topology:
                    classRef: {name: shared, namespace: classes}
                """);
        assertThat(find("missing-reference", objects(otherNamespace).kindRead("cluster.x-k8s.io", "ClusterClass")
                .readIn("ns"))).isEmpty();
        assertThat(find("missing-reference", objects(otherNamespace).kindRead("cluster.x-k8s.io", "ClusterClass")))
                .singleElement().extracting(Problem::what).isEqualTo("References ClusterClass classes/shared, which "
                        + "does not exist");
    }
}
