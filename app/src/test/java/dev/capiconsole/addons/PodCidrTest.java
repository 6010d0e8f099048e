package dev.capiconsole.addons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class PodCidrTest {

    @Test
    void calicoPoolIsUncommentedAndSetInTheEnvList() {
        PodCidr.Adaptation adapted = PodCidr.adapt(PodCidr.Pool.CALICO, Fixtures.CALICO, "10.10.0.0/16");

        assertThat(adapted.lines()).extracting(PodCidr.AdaptedLine::after).containsExactly(
                "            - name: CALICO_IPV4POOL_CIDR", "              value: \"10.10.0.0/16\"");
        assertThat(adapted.lines()).extracting(PodCidr.AdaptedLine::number).containsExactly(22, 23);
        assertThat(envOf(adapted.text())).containsEntry("CALICO_IPV4POOL_CIDR", "10.10.0.0/16")
                .containsEntry("CLUSTER_TYPE", "k8s,bgp").containsEntry("CALICO_DISABLE_FILE_LOGGING", "true");
    }

    @Test
    void calicoDefaultCidrIsWrittenOutToo() {
        PodCidr.Adaptation adapted = PodCidr.adapt(PodCidr.Pool.CALICO, Fixtures.CALICO, "192.168.0.0/16");

        assertThat(envOf(adapted.text())).containsEntry("CALICO_IPV4POOL_CIDR", "192.168.0.0/16");
    }

    @Test
    void anUncommentedCalicoPoolOnlyGetsItsValue() {
        String once = PodCidr.adapt(PodCidr.Pool.CALICO, Fixtures.CALICO, "10.10.0.0/16").text();
        PodCidr.Adaptation twice = PodCidr.adapt(PodCidr.Pool.CALICO, once, "172.16.0.0/12");

        assertThat(twice.lines()).singleElement().satisfies(line -> {
            assertThat(line.before()).isEqualTo("              value: \"10.10.0.0/16\"");
            assertThat(line.after()).isEqualTo("              value: \"172.16.0.0/12\"");
        });
    }

    @Test
    void flannelNetworkIsReplaced() {
        PodCidr.Adaptation custom = PodCidr.adapt(PodCidr.Pool.FLANNEL, Fixtures.FLANNEL, "192.168.0.0/16");
        PodCidr.Adaptation same = PodCidr.adapt(PodCidr.Pool.FLANNEL, Fixtures.FLANNEL, "10.244.0.0/16");

        assertThat(custom.lines()).singleElement().satisfies(line -> assertThat(line.after())
                .isEqualTo("      \"Network\": \"192.168.0.0/16\","));
        assertThat(custom.text()).contains("\"EnableNFTables\": false");
        assertThat(same.lines()).isEmpty();
        assertThat(same.text()).isEqualTo(Fixtures.FLANNEL);
    }

    @Test
    void withoutACidrNothingChanges() {
        assertThat(PodCidr.adapt(PodCidr.Pool.CALICO, Fixtures.CALICO, null).text()).isEqualTo(Fixtures.CALICO);
        assertThat(PodCidr.adapt(PodCidr.Pool.NONE, Fixtures.FLANNEL, "10.0.0.0/8").lines()).isEmpty();
    }

    @Test
    void theClustersFirstIpv4BlockIsTaken() {
        Map<String, Object> cluster = Map.of("spec", Map.of("clusterNetwork", Map.of("pods",
                Map.of("cidrBlocks", List.of("fd00::/64", "192.168.0.0/16")))));

        assertThat(PodCidr.ofCluster(cluster)).contains("192.168.0.0/16");
        assertThat(PodCidr.ofCluster(Map.of("spec", Map.of()))).isEmpty();
    }

    @Property
    void adaptationChangesNothingButThePoolLines(@ForAll("manifests") List<String> lines,
            @ForAll("cidrs") String cidr, @ForAll("pools") PodCidr.Pool pool) {
        String manifest = String.join("\n", lines);

        PodCidr.Adaptation adapted = PodCidr.adapt(pool, manifest, cidr);

        String[] before = manifest.split("\n", -1);
        String[] after = adapted.text().split("\n", -1);
        assertThat(after).hasSameSizeAs(before);
        Set<Integer> changed = adapted.lines().stream().map(PodCidr.AdaptedLine::number).collect(Collectors.toSet());
        for (int i = 0; i < before.length; i++) {
            if (changed.contains(i + 1)) {
                assertThat(after[i]).containsAnyOf("CALICO_IPV4POOL_CIDR", "value: \"" + cidr + "\"",
                        "\"Network\": \"" + cidr + "\"");
            } else {
                assertThat(after[i]).isEqualTo(before[i]);
            }
        }
    }

    @Provide
    Arbitrary<List<String>> manifests() {
        Arbitrary<String> noise = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
        Arbitrary<String> lookalikes = Arbitraries.of("  # - name: CALICO_IPV4POOL_CIDR", "  #   value: \"1.2.3.0/24\"",
                "    - name: CALICO_IPV4POOL_CIDR", "      value: 192.168.0.0/16", "  \"Network\": \"10.244.0.0/16\",",
                "  \"IPv6Network\": \"fd00::/48\",", "# value: x", "---", "");
        return Arbitraries.oneOf(noise, lookalikes).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> cidrs() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, Arbitraries.integers().between(8, 28))
                .as((a, b, bits) -> a + "." + b + ".0.0/" + bits);
    }

    @Provide
    Arbitrary<PodCidr.Pool> pools() {
        return Arbitraries.of(PodCidr.Pool.values());
    }

    @Property(tries = 50)
    void realShapedManifestsStayEqualBesideTheEnvEntry(@ForAll @IntRange(min = 8, max = 24) int bits) {
        String cidr = "10.96.0.0/" + bits;
        String adapted = PodCidr.adapt(PodCidr.Pool.CALICO, Fixtures.CALICO, cidr).text();

        List<Object> before = documents(Fixtures.CALICO);
        List<Object> after = documents(adapted);
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(envOf(adapted)).hasSize(3).containsEntry("CALICO_IPV4POOL_CIDR", cidr);
    }

    private static List<Object> documents(String yaml) {
        List<Object> documents = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(documents::add);
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> envOf(String yaml) {
        Map<String, Object> daemonSet = (Map<String, Object>) documents(yaml).get(1);
        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                daemonSet.get("spec")).get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        return ((List<Map<String, Object>>) container.get("env")).stream().collect(Collectors.toMap(
                e -> String.valueOf(e.get("name")), e -> String.valueOf(e.get("value")), (a, b) -> b,
                LinkedHashMap::new));
    }
}
