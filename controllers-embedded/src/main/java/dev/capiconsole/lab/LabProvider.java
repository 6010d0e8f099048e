package dev.capiconsole.lab;


/**
 * A Cluster API provider as the lab runs it: its manager binary, its config folder in the module sources
 * (CRDs, webhooks), the name prefix its kustomization gives, and its provider label.
 */
enum LabProvider {
    CORE("capi-controller-manager", "CAPI_CORE_CONFIG_DIR", "capi-", "cluster-api"),
    KUBEADM_BOOTSTRAP("capi-kubeadm-bootstrap-controller-manager", "CAPI_KUBEADM_BOOTSTRAP_CONFIG_DIR",
            "capi-kubeadm-bootstrap-", "bootstrap-kubeadm"),
    KUBEADM_CONTROL_PLANE("capi-kubeadm-control-plane-controller-manager", "CAPI_KUBEADM_CONTROL_PLANE_CONFIG_DIR",
            "capi-kubeadm-control-plane-", "control-plane-kubeadm"),
    DOCKER("capd-controller-manager", "CAPD_CONFIG_DIR", "capd-", "infrastructure-docker");

    static final String FEATURE_GATES = "ClusterTopology=true";

    private final String binary;
    private final String configDirKey;
    private final String namePrefix;
    private final String providerLabel;

    LabProvider(String binary, String configDirKey, String namePrefix, String providerLabel) {
        this.binary = binary;
        this.configDirKey = configDirKey;
        this.namePrefix = namePrefix;
        this.providerLabel = providerLabel;
    }

    String binary() {
        return binary;
    }

    String configDirKey() {
        return configDirKey;
    }

    String namePrefix() {
        return namePrefix;
    }

    String providerLabel() {
        return providerLabel;
    }

    String portName(String purpose) {
        return binary + "." + purpose;
    }
}
