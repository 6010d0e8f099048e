package dev.capiconsole.install;

import dev.capiconsole.providers.Release;
import dev.capiconsole.templates.TemplateObjects;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MetalLB for providers whose clusters need a LoadBalancer Service on a local management cluster (kubevirt's lb
 * flavor), as the kubevirt quick start sets it up: MetalLB's native manifest, then an IPAddressPool at the top of
 * the nodes' network ({@code a.b.255.200-a.b.255.250}, which on kind is the Docker network the quick start reads)
 * and an L2Advertisement for it.
 */
public final class MetalLb {

    public static final String DEFAULT_VERSION = "v0.15.3";
    public static final String NAMESPACE = "metallb-system";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}");

    /** The addresses MetalLB may hand to LoadBalancer Services. */
    public record Pool(String first, String last) {
        public String range() {
            return first + "-" + last;
        }
    }

    private final KubernetesClient client;

    /** Providers whose quick start installs MetalLB on a local management cluster. */
    public static boolean neededBy(String infrastructureProvider) {
        return "kubevirt".equals(infrastructureProvider);
    }

    public MetalLb(KubernetesClient client) {
        this.client = client;
    }

    public static String manifestUrl(String version) {
        return "https://raw.githubusercontent.com/metallb/metallb/" + version + "/config/manifests/metallb-native.yaml";
    }

    /** The pool from the first node's IPv4 InternalIP: the same /16, addresses .255.200 to .255.250. */
    public static Pool poolFor(List<Node> nodes) {
        for (Node node : nodes) {
            List<NodeAddress> addresses = node.getStatus() == null || node.getStatus().getAddresses() == null
                    ? List.of() : node.getStatus().getAddresses();
            for (NodeAddress address : addresses) {
                Matcher ipv4 = IPV4.matcher(String.valueOf(address.getAddress()));
                if ("InternalIP".equals(address.getType()) && ipv4.matches()) {
                    String prefix = ipv4.group(1) + "." + ipv4.group(2);
                    return new Pool(prefix + ".255.200", prefix + ".255.250");
                }
            }
        }
        throw new InstallException("no node reports an IPv4 InternalIP, so no address pool can be derived for "
                + "MetalLB; create an IPAddressPool in " + NAMESPACE + " yourself");
    }

    /**
     * Applies MetalLB's manifest, waits (up to {@code timeout}) for its controller, then writes the pool and the
     * L2Advertisement. Returns the pool.
     */
    public Pool install(ReleaseRepository repository, String version, Duration timeout, Consumer<String> progress) {
        Pool pool = poolFor(client.nodes().list().getItems());
        Release release = repository.resolveFile("metallb", manifestUrl(version), version);
        progress.accept("installing MetalLB " + version + " from " + release.origin());
        ObjectWriter writer = new ObjectWriter(client);
        List<Map<String, Object>> objects = TemplateObjects.parse(release.components(), release.origin() + "/"
                + release.componentsFile());
        objects.sort(java.util.Comparator.comparingInt(o -> switch (String.valueOf(o.get("kind"))) {
            case "Namespace" -> 0;
            case "CustomResourceDefinition" -> 1;
            default -> 2;
        }));
        objects.forEach(writer::write);
        Optional<Deployment> controller = Optional.ofNullable(client.apps().deployments().inNamespace(NAMESPACE)
                .withName("controller").get());
        if (controller.isPresent()) {
            new DeploymentWait(client).await(List.of(new DeploymentWait.Target(NAMESPACE, "controller")), timeout,
                    progress);
        }
        writer.write(object("IPAddressPool", "capi-ip-pool", Map.of("addresses", List.of(pool.range()))));
        writer.write(object("L2Advertisement", "capi-l2", Map.of("ipAddressPools", List.of("capi-ip-pool"))));
        progress.accept("MetalLB hands out " + pool.range() + " to LoadBalancer Services");
        return pool;
    }

    private static Map<String, Object> object(String kind, String name, Map<String, Object> spec) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "metallb.io/v1beta1");
        object.put("kind", kind);
        object.put("metadata", new LinkedHashMap<>(Map.of("name", name, "namespace", NAMESPACE)));
        object.put("spec", new LinkedHashMap<>(spec));
        return object;
    }
}
