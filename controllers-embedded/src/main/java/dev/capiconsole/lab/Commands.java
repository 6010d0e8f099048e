package dev.capiconsole.lab;

import java.nio.file.Path;
import java.util.List;

/** The command lines of the lab's processes. */
final class Commands {

    private Commands() {
    }

    static List<String> etcd(Path binary, LabLayout layout, int clientPort, int peerPort) {
        String client = "http://127.0.0.1:" + clientPort;
        String peer = "http://127.0.0.1:" + peerPort;
        return List.of(binary.toString(),
                "--name=lab",
                "--data-dir=" + layout.etcdData(),
                "--listen-client-urls=" + client,
                "--advertise-client-urls=" + client,
                "--listen-peer-urls=" + peer,
                "--initial-advertise-peer-urls=" + peer,
                "--initial-cluster=lab=" + peer,
                "--listen-metrics-urls=",
                "--quota-backend-bytes=4294967296",
                "--snapshot-count=10000",
                "--log-level=warn");
    }

    static List<String> apiServer(Path binary, LabLayout layout, int port, int etcdPort,
                                  CertificateAuthority.IssuedCertificate serving) {
        Path pki = layout.pki();
        return List.of(binary.toString(),
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + port,
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--tls-cert-file=" + serving.certificateFile(),
                "--tls-private-key-file=" + serving.keyFile(),
                "--client-ca-file=" + pki.resolve("ca.crt"),
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file=" + pki.resolve("sa.pub"),
                "--service-account-signing-key-file=" + pki.resolve("sa.key"),
                "--service-cluster-ip-range=10.96.0.0/12",
                "--authorization-mode=RBAC",
                "--allow-privileged=true",
                "--cert-dir=" + pki.resolve("apiserver-generated"),
                "--endpoint-reconciler-type=none",
                "--profiling=false",
                "--v=0");
    }

    static List<String> manager(Path binary, LabLayout layout, LabProvider provider, LabPorts ports, Path certDir) {
        return List.of(binary.toString(),
                "--kubeconfig=" + layout.kubeconfig(),
                "--leader-elect=false",
                "--health-addr=127.0.0.1:" + ports.port(provider.portName("health")),
                "--diagnostics-address=127.0.0.1:" + ports.port(provider.portName("diagnostics")),
                "--insecure-diagnostics=true",
                "--webhook-port=" + ports.port(provider.portName("webhook")),
                "--webhook-cert-dir=" + certDir,
                "--feature-gates=" + LabProvider.FEATURE_GATES);
    }
}
