package dev.capiconsole.lab;

import java.nio.file.Path;
import java.time.Duration;

/** A JVM that starts an apiserver-only lab and waits to be killed, for the orphan test. */
public final class LabHolder {

    private LabHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        Lab.start(new LabOptions(Path.of(args[0]), false, true, Duration.ofMinutes(1)), LabProgress.NONE);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
