package dev.capiconsole.addons;

import dev.capiconsole.topology.CapiObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a CNI's default pod network by the Cluster's ({@code spec.clusterNetwork.pods.cidrBlocks}, the first
 * IPv4 block), line by line so that nothing else in the manifest changes.
 *
 * <ul>
 *   <li>Calico: upstream {@code calico.yaml} carries {@code CALICO_IPV4POOL_CIDR} commented out (Calico then
 *       takes 192.168.0.0/16). The two lines are uncommented (the {@code # } after the indentation removed, so
 *       the entry lands in calico-node's {@code env} list at its own indentation) and the value set; an
 *       uncommented entry only has its value set.</li>
 *   <li>Flannel: the {@code "Network"} line of {@code net-conf.json} in the kube-flannel-cfg ConfigMap.</li>
 * </ul>
 */
public final class PodCidr {

    /** Which default pool a manifest carries. */
    public enum Pool { CALICO, FLANNEL, NONE }

    /** One changed line: its number (1-based) and the text before and after. */
    public record AdaptedLine(int number, String before, String after) {
    }

    /** The adapted manifest and the lines that changed (none when the CNI has no pool or the CIDR is null). */
    public record Adaptation(String text, List<AdaptedLine> lines) {
        public Adaptation {
            lines = List.copyOf(lines);
        }
    }

    private static final Pattern CALICO_NAME =
            Pattern.compile("^(\\s*)(?:#\\s?)?(- name: CALICO_IPV4POOL_CIDR)\\s*$");
    private static final Pattern CALICO_VALUE = Pattern.compile("^(\\s*)(?:#\\s?)?(\\s*value: )\"?([^\"]*)\"?\\s*$");
    private static final Pattern FLANNEL_NETWORK = Pattern.compile("^(\\s*\"Network\":\\s*\")([^\"]*)(\".*)$");

    private PodCidr() {
    }

    /** The first IPv4 block of a Cluster's {@code spec.clusterNetwork.pods.cidrBlocks}, if it declares one. */
    public static Optional<String> ofCluster(Map<String, Object> cluster) {
        Object blocks = CapiObject.unstructured(cluster).get("spec", "clusterNetwork", "pods", "cidrBlocks");
        if (blocks instanceof List<?> list) {
            return list.stream().map(String::valueOf).filter(b -> b.contains(".")).findFirst();
        }
        return Optional.empty();
    }

    public static Adaptation adapt(Pool pool, String manifest, String cidr) {
        if (cidr == null || pool == Pool.NONE) {
            return new Adaptation(manifest, List.of());
        }
        String[] lines = manifest.split("\n", -1);
        List<AdaptedLine> changed = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (pool == Pool.FLANNEL) {
                Matcher network = FLANNEL_NETWORK.matcher(lines[i]);
                if (network.matches()) {
                    change(lines, i, network.group(1) + cidr + network.group(3), changed);
                }
                continue;
            }
            Matcher name = CALICO_NAME.matcher(lines[i]);
            if (name.matches() && i + 1 < lines.length) {
                Matcher value = CALICO_VALUE.matcher(lines[i + 1]);
                if (value.matches()) {
                    change(lines, i, name.group(1) + name.group(2), changed);
                    change(lines, i + 1, value.group(1) + value.group(2) + "\"" + cidr + "\"", changed);
                    i++;
                }
            }
        }
        return new Adaptation(String.join("\n", lines), changed);
    }

    private static void change(String[] lines, int index, String after, List<AdaptedLine> changed) {
        if (!lines[index].equals(after)) {
            changed.add(new AdaptedLine(index + 1, lines[index], after));
            lines[index] = after;
        }
    }
}
