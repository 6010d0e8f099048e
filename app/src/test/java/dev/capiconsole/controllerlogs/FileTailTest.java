package dev.capiconsole.controllerlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailTest {

    @TempDir
    Path folder;

    @Test
    void handsOverWholeLinesThenAppendedOnesAndStartsAgainWhenTheFileIsRewritten() throws Exception {
        Path log = folder.resolve("capi-controller-manager.log");
        Files.writeString(log, "one\ntwo\nthr");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (FileTail tail = FileTail.start(log, lines::addAll)) {
            Await.until(Duration.ofSeconds(5), "the first two lines", () -> lines.size() == 2);
            assertThat(lines).containsExactly("one", "two");

            Files.writeString(log, "ee\nfour\n", StandardOpenOption.APPEND);
            Await.until(Duration.ofSeconds(5), "the appended lines", () -> lines.size() == 4);
            assertThat(lines).containsExactly("one", "two", "three", "four");

            Files.writeString(log, "new\n");
            Await.until(Duration.ofSeconds(5), "the rewritten file's line", () -> lines.size() == 5);
            assertThat(lines.get(4)).isEqualTo("new");
        }
    }

    @Test
    void aMissingFileIsWaitedFor() throws Exception {
        Path log = folder.resolve("later.log");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (FileTail tail = FileTail.start(log, lines::addAll)) {
            Thread.sleep(FileTail.POLL_MILLIS * 2);
            Files.writeString(log, "here\n");
            Await.until(Duration.ofSeconds(5), "the line of the new file", () -> lines.contains("here"));
        }
    }
}
