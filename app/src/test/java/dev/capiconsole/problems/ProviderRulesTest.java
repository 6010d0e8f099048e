package dev.capiconsole.problems;

import static dev.capiconsole.problems.Fixtures.cluster;
import static dev.capiconsole.problems.Fixtures.find;
import static dev.capiconsole.problems.Fixtures.objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.providers.ProviderType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRulesTest {

    private static final InstalledProvider DOCKER = new InstalledProvider("capd-system", "infrastructure-docker",
            "docker", ProviderType.INFRASTRUCTURE, "v1.14.0");
    private static final InstalledProvider CORE = new InstalledProvider("capi-system", "cluster-api", "cluster-api",
            ProviderType.CORE, "v1.14.0");
    private static final String CLUSTER = cluster("""
            spec:
              infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: AWSCluster, name: c1}
            """);

    @Test
    void aControllerDeploymentNotAvailableAndAProviderWithoutOneAreReported() {
        ManagementObjects objects = objects().provider(DOCKER).provider(CORE).deployment(new ProviderDeployment(
                "capd-system", "capd-controller-manager", "infrastructure-docker", 1, 0, "False",
                "Available=False MinimumReplicasUnavailable: Deployment does not have minimum availability.",
                Instant.parse("2026-12-01T11:50:00Z")));

        List<Problem> problems = find("provider-not-available", objects);

        assertThat(problems).extracting(Problem::object, Problem::what).containsExactly(
                tuple("Deployment capd-system/capd-controller-manager",
                        "Controller of provider infrastructure-docker is not available"),
                tuple("Provider capi-system/cluster-api",
                        "Provider cluster-api v1.14.0 has no controller Deployment"));
        assertThat(problems.get(0).evidence()).isEqualTo("0/1 replicas ready; Available=False; Available=False "
                + "MinimumReplicasUnavailable: Deployment does not have minimum availability.");
        assertThat(problems.get(1).nextStep()).isEqualTo("Install the provider again: capi-console init --core "
                + "cluster-api:v1.14.0");
    }

    @Test
    void availableControllersAndAManagementClusterWithoutInventoryAreFine() {
        assertThat(find("provider-not-available", objects().provider(DOCKER).deployment(new ProviderDeployment(
                "capd-system", "capd-controller-manager", "infrastructure-docker", 1, 1, "True", "", null)))).isEmpty();
        assertThat(find("provider-not-available", objects())).isEmpty();
    }

    @Test
    void aClusterWhoseInfrastructureKindNoCrdServesIsReported() {
        List<Problem> problems = find("infrastructure-provider-missing", objects(CLUSTER).provider(DOCKER)
                .kindNotServed("infrastructure.cluster.x-k8s.io", "AWSCluster"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.what()).isEqualTo("No installed infrastructure provider serves AWSCluster");
            assertThat(p.evidence()).isEqualTo("spec.infrastructureRef = AWSCluster/c1 (infrastructure.cluster.x-k8s.io): "
                    + "no CustomResourceDefinition serves it; infrastructure providers in the inventory: "
                    + "[infrastructure-docker]");
        });
    }

    @Test
    void aKindWhoseCrdBelongsToAProviderNotInTheInventoryIsReportedAndAnInstalledOneIsNot() {
        assertThat(find("infrastructure-provider-missing", objects(CLUSTER).provider(DOCKER)
                .kindOfProvider("infrastructure.cluster.x-k8s.io", "AWSCluster", "infrastructure-aws")))
                .singleElement().extracting(Problem::nextStep).asString()
                .endsWith("capi-console init --infrastructure aws");
        assertThat(find("infrastructure-provider-missing", objects(CLUSTER.replace("AWSCluster", "DockerCluster"))
                .provider(DOCKER).kindOfProvider("infrastructure.cluster.x-k8s.io", "DockerCluster",
                        "infrastructure-docker"))).isEmpty();
    }
}
