package dev.capiconsole.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The listening TCP sockets of processes, read from Linux's {@code /proc}: {@code /proc/net/tcp} and
 * {@code tcp6} list every socket with its inode, {@code /proc/PID/fd} links a process to its socket inodes.
 */
final class LabListeners {

    private static final String LISTEN = "0A";

    /** A listening socket and the lab process that holds it. */
    record Listener(String process, long pid, InetSocketAddress address) {

        boolean loopback() {
            return address.getAddress().isLoopbackAddress();
        }

        @Override
        public String toString() {
            return process + " (pid " + pid + ") listens on " + address.getAddress().getHostAddress() + ":"
                    + address.getPort();
        }
    }

    private LabListeners() {
    }

    /** Every listening socket of the named processes (name to pid) and of their descendants. */
    static List<Listener> of(Map<String, Long> processes) {
        Map<Long, InetSocketAddress> listening = new HashMap<>();
        listening.putAll(read(Path.of("/proc/net/tcp")));
        listening.putAll(read(Path.of("/proc/net/tcp6")));
        List<Listener> found = new ArrayList<>();
        processes.forEach((name, pid) -> {
            List<Long> pids = new ArrayList<>(List.of(pid));
            ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
            for (long each : pids) {
                for (long inode : socketInodes(each)) {
                    InetSocketAddress address = listening.get(inode);
                    if (address != null) {
                        found.add(new Listener(name, each, address));
                    }
                }
            }
        });
        return found;
    }

    /** Listening sockets by inode; columns: sl, local_address, rem_address, st, ..., inode (the 10th). */
    static Map<Long, InetSocketAddress> read(Path table) {
        Map<Long, InetSocketAddress> sockets = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 9 && LISTEN.equals(columns[3])) {
                    sockets.put(Long.parseLong(columns[9]), address(columns[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sockets;
    }

    /** {@code 0100007F:1F90} is 127.0.0.1:8080: the address is written as 32-bit words in host (little-endian) order. */
    static InetSocketAddress address(String hexAddressAndPort) {
        String[] parts = hexAddressAndPort.split(":");
        byte[] raw = HexFormat.of().parseHex(parts[0]);
        byte[] address = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = raw[word + 3 - i];
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hexAddressAndPort, e);
        }
    }

    private static List<Long> socketInodes(long pid) {
        List<Long> inodes = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed between listing and reading: not a listener
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the descriptors of process " + pid, e);
        }
        return inodes;
    }
}
