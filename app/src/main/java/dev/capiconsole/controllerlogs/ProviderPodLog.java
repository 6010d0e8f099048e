package dev.capiconsole.controllerlogs;

import dev.capiconsole.connection.ServerErrors;
import dev.capiconsole.workload.PodLogs;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * A provider controller's container in a pod of the management cluster, read through the API server as
 * {@code kubectl logs --since-time} does. Controller images set no time zone, so klog writes UTC.
 */
record ProviderPodLog(KubernetesClient client, String manager, String namespace, String pod, String container)
        implements ManagerLog {

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    @Override
    public List<String> read(Instant from) {
        try {
            return loggable(from).getLog().lines().toList();
        } catch (KubernetesClientException e) {
            throw new ControllerLogsException("cannot read the log of " + this + ": " + ServerErrors.message(e), e);
        }
    }

    @Override
    public Follow follow(Instant from, Consumer<List<String>> batches) {
        PodLogs.LineSplitter splitter = new PodLogs.LineSplitter(line -> batches.accept(List.of(line)));
        try {
            LogWatch watch = loggable(from).watchLog(splitter);
            return () -> {
                watch.close();
                splitter.flushLast();
            };
        } catch (KubernetesClientException e) {
            throw new ControllerLogsException("cannot follow the log of " + this + ": " + ServerErrors.message(e), e);
        }
    }

    private Loggable loggable(Instant from) {
        TimeTailPrettyLoggable container = client.pods().inNamespace(namespace).withName(pod).inContainer(this.container);
        return from == null ? container : container.sinceTime(from.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    @Override
    public String toString() {
        return manager + " (pod " + namespace + "/" + pod + ", container " + container + ")";
    }
}
