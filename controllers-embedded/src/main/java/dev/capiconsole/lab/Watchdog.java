package dev.capiconsole.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Ends the lab's processes when the JVM that started them dies without closing the lab (killed, crashed).
 * A small shell process watches the JVM's pid and, once it is gone, stops every pid recorded for the lab.
 */
final class Watchdog {

    private static final String SCRIPT = """
            jvm="$1"; pids="$2"
            while kill -0 "$jvm" 2>/dev/null; do sleep 1; done
            [ -f "$pids" ] || exit 0
            for p in $(cat "$pids"); do kill -TERM "$p" 2>/dev/null; done
            sleep 5
            for p in $(cat "$pids"); do kill -KILL "$p" 2>/dev/null; done
            rm -f "$pids"
            """;

    private Watchdog() {
    }

    static Process start(LabLayout layout) throws IOException {
        Path pids = pidsFile(layout);
        Files.createDirectories(pids.getParent());
        Files.writeString(pids, "");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", SCRIPT, "lab-watchdog",
                Long.toString(ProcessHandle.current().pid()), pids.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** Adds a started process to those the watchdog would end. */
    static void record(LabLayout layout, LabProcess process) {
        try {
            Path pids = pidsFile(layout);
            Files.createDirectories(pids.getParent());
            Files.writeString(pids, process.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LabException("cannot record pid " + process.pid() + " for the lab's watchdog", e);
        }
    }

    private static Path pidsFile(LabLayout layout) {
        return layout.dataDir().resolve("watchdog.pids");
    }
}
