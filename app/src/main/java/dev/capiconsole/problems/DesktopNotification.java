package dev.capiconsole.problems;

import dev.capiconsole.bootstrap.LocalTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A desktop notification through {@code notify-send} (libnotify), when it is on the PATH. */
public final class DesktopNotification {

    private final Optional<Path> notifySend;

    private DesktopNotification(Optional<Path> notifySend) {
        this.notifySend = notifySend;
    }

    /** Looks for {@code notify-send} in {@code pathVariable}'s folders. */
    public static DesktopNotification find(String pathVariable) {
        return new DesktopNotification(LocalTool.locate("notify-send", pathVariable, List.of()));
    }

    public boolean available() {
        return notifySend.isPresent();
    }

    /** Shows it and waits briefly for notify-send; false when there is none or it failed. Call off the FX thread. */
    public boolean send(String title, String body) {
        if (notifySend.isEmpty()) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(notifySend.get().toString(), "--app-name=capi-console", title, body)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
