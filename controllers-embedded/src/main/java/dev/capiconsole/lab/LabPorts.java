package dev.capiconsole.lab;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The loopback ports of the lab's processes, chosen once and kept in {@code ports.properties} so a restarted
 * lab comes back where its kubeconfig and webhook configurations point.
 */
final class LabPorts {

    private final Path file;
    private final TreeMap<String, Integer> ports = new TreeMap<>();

    private LabPorts(Path file) {
        this.file = file;
    }

    static LabPorts load(Path file) {
        LabPorts result = new LabPorts(file);
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the lab's ports from " + file, e);
            }
            properties.stringPropertyNames().forEach(name -> {
                try {
                    result.ports.put(name, Integer.parseInt(properties.getProperty(name).trim()));
                } catch (NumberFormatException e) {
                    throw new LabException("the lab's port file " + file + " has a bad entry " + name + "="
                            + properties.getProperty(name) + "; delete the file to let the lab choose new ports");
                }
            });
        }
        return result;
    }

    /** The port kept for {@code name}, or a free one chosen now. */
    int port(String name) {
        return ports.computeIfAbsent(name, n -> freePort());
    }

    /** Fails with the name of the first kept port that another program holds. */
    void requireFree(Collection<String> names) {
        for (String name : names) {
            int port = port(name);
            if (!isFree(port)) {
                throw new LabException("port " + port + " (" + name + ") is already in use by another program. "
                        + "Stop that program, or delete " + file + " to let the lab choose new ports.");
            }
        }
    }

    void save() {
        Properties properties = new Properties();
        ports.forEach((name, port) -> properties.setProperty(name, Integer.toString(port)));
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "loopback ports of the capi-console lab");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the lab's ports to " + file, e);
        }
    }

    static boolean isFree(int port) {
        // Managers' webhook servers listen on every interface, so the wildcard address must be free too.
        for (InetAddress address : new InetAddress[] {InetAddress.getLoopbackAddress(), null}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                candidate = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free loopback port", e);
            }
            // 19000-30000 belongs to the in-memory backend's debug and workload API servers.
            if ((candidate < 19000 || candidate > 30000) && !ports.containsValue(candidate) && isFree(candidate)) {
                return candidate;
            }
        }
        throw new LabException("no free loopback port found after 50 tries");
    }
}
