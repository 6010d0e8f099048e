package dev.capiconsole.lab;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The processes of a running lab, in start order, recorded in the data directory so that another process can
 * tell it is running, find its API server, and stop it. A pid counts only while its start time still matches,
 * so a reused pid is never taken for a lab process.
 */
final class LabState {

    private LabState() {
    }

    static void write(LabLayout layout, List<LabProcess> processes, int apiServerPort) {
        Properties properties = new Properties();
        properties.setProperty("apiserver.port", Integer.toString(apiServerPort));
        int index = 0;
        synchronized (processes) {
            for (LabProcess process : processes) {
                ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
                String start = handle == null ? "" : handle.info().startInstant().map(Instant::toString).orElse("");
                properties.setProperty(String.format("process.%02d", index++),
                        process.name() + " " + process.pid() + " " + start);
            }
        }
        try {
            Files.createDirectories(layout.dataDir());
            try (Writer writer = Files.newBufferedWriter(layout.stateFile())) {
                properties.store(writer, "processes of the running capi-console lab");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the lab's processes in " + layout.stateFile(), e);
        }
    }

    static void clear(LabLayout layout) {
        try {
            Files.deleteIfExists(layout.stateFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded processes that are still alive, in start order. */
    static List<ProcessHandle> liveProcesses(LabLayout layout) {
        Properties properties = read(layout);
        List<ProcessHandle> live = new ArrayList<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("process.")).sorted(Comparator.naturalOrder())
                .forEach(key -> {
                    String[] parts = properties.getProperty(key).split(" ");
                    if (parts.length < 2) {
                        return;
                    }
                    ProcessHandle.of(Long.parseLong(parts[1]))
                            .filter(ProcessHandle::isAlive)
                            .filter(h -> parts.length < 3 || h.info().startInstant().map(Instant::toString)
                                    .map(parts[2]::equals).orElse(true))
                            .ifPresent(live::add);
                });
        return live;
    }

    /** A one-line description of the running lab, if its processes are alive. */
    static Optional<String> running(LabLayout layout) {
        List<ProcessHandle> live = liveProcesses(layout);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        String port = read(layout).getProperty("apiserver.port", "?");
        return Optional.of(live.size() + " processes, kube-apiserver at https://127.0.0.1:" + port);
    }

    private static Properties read(LabLayout layout) {
        Properties properties = new Properties();
        if (Files.isRegularFile(layout.stateFile())) {
            try (Reader reader = Files.newBufferedReader(layout.stateFile())) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + layout.stateFile(), e);
            }
        }
        return properties;
    }
}
