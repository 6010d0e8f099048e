package dev.capiconsole.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the addresses of Linux's socket tables. */
class LabListenersTest {

    @Test
    void ipv4AddressesAreLittleEndianWords() {
        InetSocketAddress address = LabListeners.address("0100007F:1F90");
        assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(address.getPort()).isEqualTo(8080);
        assertThat(LabListeners.address("00000000:4A38").getAddress().isLoopbackAddress()).isFalse();
    }

    @Test
    void ipv6LoopbackMappedAndWildcard() {
        assertThat(LabListeners.address("00000000000000000000000001000000:0050").getAddress().isLoopbackAddress())
                .isTrue();
        assertThat(LabListeners.address("0000000000000000FFFF00000100007F:0050").getAddress().getHostAddress())
                .isEqualTo("127.0.0.1");
        assertThat(LabListeners.address("00000000000000000000000000000000:0050").getAddress().isLoopbackAddress())
                .isFalse();
    }

    @Test
    void aSocketOnAllInterfacesIsFoundAndNotLoopback() throws Exception {
        long self = ProcessHandle.current().pid();
        try (ServerSocket everywhere = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"));
             ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<LabListeners.Listener> listeners = LabListeners.of(Map.of("this-jvm", self));
            assertThat(listeners).filteredOn(l -> l.address().getPort() == everywhere.getLocalPort())
                    .singleElement().satisfies(l -> assertThat(l.loopback()).isFalse());
            assertThat(listeners).filteredOn(l -> l.address().getPort() == loopback.getLocalPort())
                    .singleElement().satisfies(l -> assertThat(l.loopback()).isTrue());
        }
    }
}
