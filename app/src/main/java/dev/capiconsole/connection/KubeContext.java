package dev.capiconsole.connection;

import java.nio.file.Path;

/**
 * One context of the merged kubeconfig.
 *
 * @param name the context name
 * @param cluster the cluster entry it uses
 * @param user the user entry it uses
 * @param namespace its default namespace, or {@code default}
 * @param server the cluster's server URL, or empty if the cluster entry is missing
 * @param file the kubeconfig file that defines the context
 */
public record KubeContext(String name, String cluster, String user, String namespace, String server, Path file) {
}
