package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.templates.MissingVariablesException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderComponentsTest {

    private static final String COMPONENTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: capd-controller-manager
              namespace: capd-system
              labels:
                control-plane: controller-manager
            spec:
              template:
                spec:
                  containers:
                  - name: manager
                    image: registry.k8s.io/cluster-api/capd-manager:v1.14.2
                    args: ["--feature-gates=ClusterTopology=${CLUSTER_TOPOLOGY:=false}", "--v=${LOG_LEVEL}"]
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: capd-system
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: capd-manager-rolebinding
            subjects:
            - kind: ServiceAccount
              name: capd-manager
              namespace: capd-system
            - kind: Group
              name: everyone
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: devclusters.infrastructure.cluster.x-k8s.io
              annotations:
                cert-manager.io/inject-ca-from: capd-system/capd-serving-cert
            spec:
              conversion:
                webhook:
                  clientConfig:
                    service:
                      name: capd-webhook-service
                      namespace: capd-system
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: capd-validating-webhook-configuration
              annotations:
                cert-manager.io/inject-ca-from: capd-system/capd-serving-cert
            webhooks:
            - name: validation.devcluster.infrastructure.cluster.x-k8s.io
              clientConfig:
                service:
                  name: capd-webhook-service
                  namespace: capd-system
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: capd-serving-cert
              namespace: capd-system
            spec:
              dnsNames:
              - capd-webhook-service.capd-system.svc
              - capd-webhook-service.capd-system.svc.cluster.local
            """;

    private static final ProviderSpec DOCKER = new ProviderSpec(ProviderType.INFRASTRUCTURE, "docker", "v1.14.2");

    private static ProviderComponents process(String namespace) {
        return ProviderComponents.process(DOCKER, COMPONENTS, "test", namespace,
                Map.of("LOG_LEVEL", "2", "CLUSTER_TOPOLOGY", "true")::get);
    }

    @Test
    void substitutesLabelsAndOrdersLikeClusterctl() {
        ProviderComponents components = process(null);

        assertThat(components.targetNamespace()).isEqualTo("capd-system");
        assertThat(components.objects()).extracting(o -> o.get("kind")).containsExactly("Namespace", "Certificate",
                "Deployment", "ClusterRoleBinding", "CustomResourceDefinition", "ValidatingWebhookConfiguration");
        for (Map<String, Object> object : components.objects()) {
            assertThat(ProviderComponents.childMap(ProviderComponents.metadata(object), "labels"))
                    .containsEntry("clusterctl.cluster.x-k8s.io", "")
                    .containsEntry("cluster.x-k8s.io/provider", "infrastructure-docker");
        }
        assertThat(components.objects().get(2).toString()).contains("ClusterTopology=true", "--v=2",
                "control-plane=controller-manager");
        assertThat(components.variables()).containsEntry("CLUSTER_TOPOLOGY", "false").containsEntry("LOG_LEVEL", null);
        assertThat(components.images()).containsExactly("registry.k8s.io/cluster-api/capd-manager:v1.14.2");
        assertThat(components.managerDeployments()).hasSize(1);
    }

    @Test
    void movesEveryNamespacedObjectAndEveryReferenceToTheTargetNamespace() {
        ProviderComponents components = process("lab-infra");
        String text = components.objects().toString();

        assertThat(components.targetNamespace()).isEqualTo("lab-infra");
        assertThat(text).doesNotContain("capd-system/").doesNotContain("namespace=capd-system")
                .doesNotContain(".capd-system.");
        assertThat(text).contains("name=lab-infra", "cert-manager.io/inject-ca-from=lab-infra/capd-serving-cert",
                "capd-webhook-service.lab-infra.svc.cluster.local", "{kind=Group, name=everyone}");
        Map<String, Object> crd = components.objects().stream()
                .filter(o -> "CustomResourceDefinition".equals(o.get("kind"))).findFirst().orElseThrow();
        assertThat(ProviderComponents.metadata(crd)).doesNotContainKey("namespace");
    }

    @Test
    void theInventoryObjectIsClusterctls() {
        Map<String, Object> inventory = process(null).inventoryObject();
        assertThat(inventory).containsEntry("apiVersion", "clusterctl.cluster.x-k8s.io/v1alpha3")
                .containsEntry("kind", "Provider").containsEntry("providerName", "docker")
                .containsEntry("type", "InfrastructureProvider").containsEntry("version", "v1.14.2");
        assertThat(ProviderComponents.metadata(inventory)).containsEntry("name", "infrastructure-docker")
                .containsEntry("namespace", "capd-system");
        assertThat(ProviderComponents.childMap(ProviderComponents.metadata(inventory), "labels"))
                .containsEntry("clusterctl.cluster.x-k8s.io/core", "inventory");
    }

    @Test
    void aNamespaceIsAddedWhenTheComponentsHaveNoneAndRequiredOnesAreNamed() {
        String withoutNamespace = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: m\n";
        ProviderComponents components = ProviderComponents.process(DOCKER, withoutNamespace, "t", "mine",
                name -> null);
        assertThat(components.objects()).extracting(o -> o.get("kind")).containsExactly("Namespace",
                "ServiceAccount");
        assertThatThrownBy(() -> ProviderComponents.process(DOCKER, withoutNamespace, "t", null, name -> null))
                .hasMessageContaining("declare no namespace");
        assertThatThrownBy(() -> ProviderComponents.process(DOCKER, COMPONENTS, "t", null, name -> null))
                .isInstanceOf(MissingVariablesException.class).hasMessageContaining("[LOG_LEVEL]");
        assertThatThrownBy(() -> ProviderComponents.process(DOCKER, COMPONENTS + "---\n" + """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: second
                """, "t", null, Map.of("LOG_LEVEL", "1")::get)).hasMessageContaining("more than one Namespace");
    }
}
