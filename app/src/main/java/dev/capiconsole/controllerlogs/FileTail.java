package dev.capiconsole.controllerlogs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a growing log file, as {@code tail -F} does: reads what is there, then polls for what is appended. A
 * file that shrinks (the lab restarted its process and started the log afresh) is read again from its start.
 * Lines are handed over whole, in batches of at most {@link #CHUNK_BYTES}.
 */
final class FileTail implements ManagerLog.Follow {

    static final long POLL_MILLIS = 250;
    static final int CHUNK_BYTES = 4 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FileTail.class);

    private final Path file;
    private final Consumer<List<String>> batches;
    private final ScheduledExecutorService poller;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long position;

    private FileTail(Path file, Consumer<List<String>> batches) {
        this.file = file;
        this.batches = batches;
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "capi-console-log-tail");
            thread.setDaemon(true);
            return thread;
        });
    }

    static FileTail start(Path file, Consumer<List<String>> batches) {
        FileTail tail = new FileTail(file, batches);
        tail.poller.scheduleWithFixedDelay(tail::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return tail;
    }

    private void poll() {
        try {
            while (readChunk()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot read {} yet: {}", file, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Following {} failed", file, e);
        }
    }

    /** Reads one chunk of what was appended and hands over its whole lines; true when there may be more. */
    private boolean readChunk() throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < position) {
                position = 0;
                partial.reset();
            }
            if (size == position) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, size - position));
            int read = channel.read(buffer, position);
            if (read <= 0) {
                return false;
            }
            position += read;
            List<String> lines = split(buffer.array(), read);
            if (!lines.isEmpty()) {
                batches.accept(lines);
            }
            return position < size;
        }
    }

    private List<String> split(byte[] bytes, int length) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                lines.add(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
                start = i + 1;
            }
        }
        partial.write(bytes, start, length - start);
        return lines;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
