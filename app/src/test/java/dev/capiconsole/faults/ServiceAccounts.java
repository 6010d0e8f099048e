package dev.capiconsole.faults;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** A ServiceAccount with cluster-admin and a bound token, for a console session whose credentials are then revoked. */
final class ServiceAccounts {

    private ServiceAccounts() {
    }

    /** Creates the ServiceAccount and its binding; returns a one-hour token (TokenRequest). */
    static String clusterAdminToken(KubernetesClient admin, String namespace, String name) {
        admin.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
                .withName(name).withNamespace(namespace).endMetadata().build()).create();
        admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                .withName(name).endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole").withName("cluster-admin").endRoleRef().addNewSubject()
                .withKind("ServiceAccount").withName(name).withNamespace(namespace).endSubject().build()).create();
        return admin.serviceAccounts().inNamespace(namespace).withName(name)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
    }

    /** Deletes the ServiceAccount (its bound tokens stop authenticating) and its binding. */
    static void revoke(KubernetesClient admin, String namespace, String name) {
        admin.serviceAccounts().inNamespace(namespace).withName(name).delete();
        admin.rbac().clusterRoleBindings().withName(name).delete();
    }

    /** Waits until the API server answers 401 to a request with the token. */
    static void awaitRejected(String server, String caBase64, String token, java.time.Duration timeout) {
        io.fabric8.kubernetes.client.Config config = new io.fabric8.kubernetes.client.ConfigBuilder(
                io.fabric8.kubernetes.client.Config.empty()).withMasterUrl(server).withOauthToken(token)
                .withCaCertData(caBase64).build();
        try (KubernetesClient client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config)
                .build()) {
            dev.capiconsole.testing.Await.until(timeout, "the revoked token answered with 401", () -> {
                try {
                    client.namespaces().withName("default").get();
                    return false;
                } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                    return e.getCode() == 401;
                }
            });
        }
    }

    /** A kubeconfig with the token, trusting the lab CA (base64), for {@code server}. */
    static String kubeconfig(String server, String caBase64, String token) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: lab
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: revoked
                  user:
                    token: %s
                contexts:
                - name: revoked
                  context:
                    cluster: lab
                    user: revoked
                    namespace: default
                current-context: revoked
                """.formatted(server, caBase64, token);
    }
}
