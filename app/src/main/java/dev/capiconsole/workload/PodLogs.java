package dev.capiconsole.workload;

import dev.capiconsole.connection.ServerErrors;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Container logs, as {@code kubectl logs} gives them: the last lines, the previous (terminated) container, or a
 * follow stream. A server that has no log endpoint (the lab's in-memory workload API servers) is told apart from a
 * missing pod, so the view can say so instead of failing.
 */
public final class PodLogs {

    /** What to ask for. {@code container} may be null for a pod with one container. */
    public record Request(String namespace, String pod, String container, int tailLines, boolean previous) {
        public Request {
            if (tailLines < 0) {
                throw new IllegalArgumentException("tail lines must not be negative, got " + tailLines);
            }
        }
    }

    /** The server does not serve logs at all; not an error of the pod. */
    public static final class NotServed extends WorkloadException {
        NotServed(String message) {
            super(message);
        }
    }

    private PodLogs() {
    }

    /** The last {@code tailLines} lines (all of them when 0). */
    public static String tail(KubernetesClient workload, Request request) {
        try {
            return loggable(workload, request).getLog();
        } catch (KubernetesClientException e) {
            throw explain(workload, request, e);
        }
    }

    /**
     * Streams the log, line by line, to {@code lines} (on the client's thread) until the returned handle is closed
     * or the container ends.
     */
    public static Following follow(KubernetesClient workload, Request request, Consumer<String> lines) {
        LineSplitter splitter = new LineSplitter(lines);
        try {
            return new Following(loggable(workload, request).watchLog(splitter), splitter);
        } catch (KubernetesClientException e) {
            throw explain(workload, request, e);
        }
    }

    /** A log being followed: close it to stop; {@link #ended()} completes when the stream ends either way. */
    public static final class Following implements AutoCloseable {
        private final LogWatch watch;
        private final LineSplitter splitter;

        private Following(LogWatch watch, LineSplitter splitter) {
            this.watch = watch;
            this.splitter = splitter;
        }

        public java.util.concurrent.CompletionStage<Throwable> ended() {
            return watch.onClose().whenComplete((cause, error) -> splitter.flushLast());
        }

        @Override
        public void close() {
            watch.close();
            splitter.flushLast();
        }
    }

    private static io.fabric8.kubernetes.client.dsl.Loggable loggable(KubernetesClient workload, Request request) {
        PodResource pod = workload.pods().inNamespace(request.namespace()).withName(request.pod());
        ContainerResource container = request.container() == null ? null : pod.inContainer(request.container());
        TimeTailPrettyLoggable base;
        if (container != null) {
            base = request.previous() ? container.terminated() : container;
        } else {
            base = request.previous() ? pod.terminated() : pod;
        }
        return request.tailLines() > 0 ? base.tailingLines(request.tailLines()) : base;
    }

    private static WorkloadException explain(KubernetesClient workload, Request request, KubernetesClientException e) {
        String what = "logs of " + request.namespace() + "/" + request.pod()
                + (request.container() == null ? "" : " container " + request.container())
                + (request.previous() ? " (previous)" : "");
        String reason = ServerErrors.message(e);
        if (e.getCode() == 404 || e.getCode() == 405) {
            boolean podExists;
            try {
                podExists = workload.pods().inNamespace(request.namespace()).withName(request.pod()).get() != null;
            } catch (KubernetesClientException ignored) {
                podExists = false;
            }
            if (podExists) {
                return new NotServed("this workload API server does not serve container logs (the lab's in-memory "
                        + "API servers have no kubelets and no log endpoint); on a real cluster the " + what
                        + " appear here");
            }
        }
        return new WorkloadException("cannot read the " + what + ": " + reason);
    }

    /** Cuts a byte stream into UTF-8 lines; a line is handed over once its line break arrives. */
    public static final class LineSplitter extends OutputStream {
        private final Consumer<String> lines;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        public LineSplitter(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String line = pending.toString(StandardCharsets.UTF_8);
                pending.reset();
                lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        /** Hands over a last line that has no line break (the stream ended). */
        public synchronized void flushLast() {
            if (pending.size() > 0) {
                lines.accept(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            }
        }
    }
}
