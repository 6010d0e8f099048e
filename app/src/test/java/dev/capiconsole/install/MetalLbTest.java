package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetalLbTest {

    private static Node node(String type, String address) {
        return new NodeBuilder().withNewMetadata().withName("n").endMetadata().withNewStatus().addNewAddress()
                .withType(type).withAddress(address).endAddress().endStatus().build();
    }

    @Test
    void thePoolIsTheTopOfTheNodesSlash16AsInTheKubevirtQuickStart() {
        assertThat(MetalLb.poolFor(List.of(node("InternalIP", "172.19.0.3"))).range())
                .isEqualTo("172.19.255.200-172.19.255.250");
        assertThat(MetalLb.poolFor(List.of(node("InternalIP", "fc00:f853::2"), node("InternalIP", "10.89.0.4")))
                .range()).isEqualTo("10.89.255.200-10.89.255.250");
        assertThatThrownBy(() -> MetalLb.poolFor(List.of(node("Hostname", "kind-control-plane"))))
                .hasMessageContaining("no node reports an IPv4 InternalIP");
        assertThat(MetalLb.neededBy("kubevirt")).isTrue();
        assertThat(MetalLb.neededBy("docker")).isFalse();
    }
}
