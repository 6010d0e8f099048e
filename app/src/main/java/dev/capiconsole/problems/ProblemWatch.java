package dev.capiconsole.problems;

import dev.capiconsole.live.KindWatch;
import dev.capiconsole.topology.V1Beta1Core;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Says when the problems should be read again: coalesced, when a watched kind changes (the core kinds, the add-on
 * kinds, the Clusters' Secrets, the providers' Deployments), and once a minute, because time alone makes some rules
 * fire (a Machine not provisioned after the timeout, a deletion stuck, certificates expiring) and the provider kinds
 * (control planes, templates) are read but not watched.
 */
public final class ProblemWatch implements AutoCloseable {

    static final long PERIOD_MILLIS = 1000;
    static final long TICK_SECONDS = 60;

    private final KindWatch watch;
    private final ScheduledExecutorService ticks;

    private ProblemWatch(KindWatch watch, ScheduledExecutorService ticks) {
        this.watch = watch;
        this.ticks = ticks;
    }

    /** Starts watching; {@code changed} runs on a background thread, at most once a second. */
    public static ProblemWatch start(KubernetesClient client, Runnable changed) {
        String version = V1Beta1Core.servedVersion(client);
        List<KindWatch.Kind> kinds = new ArrayList<>();
        for (String kind : ProblemReader.CORE_KINDS) {
            kinds.add(new KindWatch.Kind(ManagementObjects.CORE + "/" + version, kind));
        }
        for (String kind : ProblemReader.ADDON_KINDS) {
            kinds.add(new KindWatch.Kind(ManagementObjects.ADDONS + "/" + version, kind));
        }
        kinds.add(new KindWatch.Kind("v1", "Secret", Facts.CLUSTER_NAME_LABEL));
        kinds.add(new KindWatch.Kind("apps/v1", "Deployment", ProblemReader.PROVIDER_LABEL));
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "capi-console-problems-tick");
            thread.setDaemon(true);
            return thread;
        });
        ticks.scheduleWithFixedDelay(changed, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        return new ProblemWatch(KindWatch.start(client, kinds, PERIOD_MILLIS, changed), ticks);
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        watch.close();
    }
}
