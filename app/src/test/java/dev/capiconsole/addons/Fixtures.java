package dev.capiconsole.addons;

/**
 * Small manifests shaped like the upstream CNI manifests where adaptation looks (written for the tests, not copied):
 * calico-node's env list with the pool commented out, and flannel's net-conf.json.
 */
final class Fixtures {

    static final String CALICO = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: calico-node
              namespace: kube-system
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: calico-node
              namespace: kube-system
            spec:
              template:
                spec:
                  containers:
                    - name: calico-node
                      image: calico/node:v3.31.0
                      env:
                        - name: CLUSTER_TYPE
                          value: "k8s,bgp"
                        # The pool created at start-up when none exists.
                        # - name: CALICO_IPV4POOL_CIDR
                        #   value: "192.168.0.0/16"
                        - name: CALICO_DISABLE_FILE_LOGGING
                          value: "true"
            """;

    static final String FLANNEL = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: kube-flannel
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: kube-flannel-cfg
              namespace: kube-flannel
            data:
              net-conf.json: |
                {
                  "Network": "10.244.0.0/16",
                  "EnableNFTables": false,
                  "Backend": {
                    "Type": "vxlan"
                  }
                }
            """;

    private Fixtures() {
    }
}
