package dev.capiconsole.lab;

import java.nio.file.Path;

/** Where the lab keeps each of its things inside its data directory. */
record LabLayout(Path dataDir) {

    Path etcdData() {
        return dataDir.resolve("etcd");
    }

    Path pki() {
        return dataDir.resolve("pki");
    }

    Path kubeconfig() {
        return dataDir.resolve("kubeconfig");
    }

    Path portsFile() {
        return dataDir.resolve("ports.properties");
    }

    Path stateFile() {
        return dataDir.resolve("processes.properties");
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    Path log(String processName) {
        return logs().resolve(processName + ".log");
    }
}
