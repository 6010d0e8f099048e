package dev.capiconsole.images;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images kubeadm pulls for a control plane and its nodes: kube-apiserver, kube-controller-manager,
 * kube-scheduler and kube-proxy at the Kubernetes version, and etcd, CoreDNS and pause at the versions kubeadm of
 * that minor pins. As kubeadm names them, CoreDNS sits under {@code coredns/} only in the default repository.
 */
public final class KubeadmImages {

    public static final String DEFAULT_REPOSITORY = "registry.k8s.io";
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)([-+][0-9A-Za-z.+-]+)?");

    /** kubeadm's pinned etcd, CoreDNS and pause tags of one minor (its constants at the newest patch known here). */
    record Pins(String etcd, String coreDns, String pause) {
    }

    private static final Map<Integer, Pins> PINS = Map.of(
            30, new Pins("3.5.15-0", "v1.11.3", "3.9"),
            31, new Pins("3.5.24-0", "v1.11.3", "3.10"),
            32, new Pins("3.5.24-0", "v1.11.3", "3.10"),
            33, new Pins("3.5.24-0", "v1.12.0", "3.10"),
            34, new Pins("3.6.5-0", "v1.12.1", "3.10.1"),
            35, new Pins("3.6.6-0", "v1.13.1", "3.10.1"),
            36, new Pins("3.6.9-0", "v1.13.1", "3.10.1"));

    private KubeadmImages() {
    }

    /**
     * @param kubernetesVersion e.g. v1.33.1
     * @param imageRepository {@code null} or blank for {@value #DEFAULT_REPOSITORY}
     */
    public static List<String> forVersion(String kubernetesVersion, String imageRepository) {
        Matcher matcher = VERSION.matcher(kubernetesVersion == null ? "" : kubernetesVersion.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + kubernetesVersion + "\" is not a Kubernetes version (e.g. "
                    + "v1.33.1)");
        }
        int minor = Integer.parseInt(matcher.group(2));
        Pins pins = PINS.get(minor);
        if (!"1".equals(matcher.group(1)) || pins == null) {
            throw new IllegalArgumentException("the images kubeadm pulls are known here for Kubernetes v1."
                    + PINS.keySet().stream().sorted().findFirst().orElseThrow() + " to v1."
                    + PINS.keySet().stream().max(Integer::compare).orElseThrow() + ", not " + kubernetesVersion
                    + "; `kubeadm config images list --kubernetes-version " + kubernetesVersion + "` lists them");
        }
        String repository = imageRepository == null || imageRepository.isBlank() ? DEFAULT_REPOSITORY
                : imageRepository.trim().replaceAll("/+$", "");
        String tag = (kubernetesVersion.trim().startsWith("v") ? "" : "v") + kubernetesVersion.trim().replace('+', '_');
        String coreDns = repository.equals(DEFAULT_REPOSITORY) ? repository + "/coredns/coredns" : repository
                + "/coredns";
        return List.of(repository + "/kube-apiserver:" + tag, repository + "/kube-controller-manager:" + tag,
                repository + "/kube-scheduler:" + tag, repository + "/kube-proxy:" + tag,
                coreDns + ":" + pins.coreDns(), repository + "/pause:" + pins.pause(),
                repository + "/etcd:" + pins.etcd());
    }
}
