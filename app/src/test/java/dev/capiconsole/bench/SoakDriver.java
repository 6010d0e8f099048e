package dev.capiconsole.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes {@code rate} changes per second to the fleet's Machines until stopped: annotations (50 %), labels (20 %),
 * the status phase (15 %), spec.minReadySeconds (5 %), and Machines created or deleted (10 %) so that row counts
 * change; up to {@value #WRITERS} writes in flight. Each change that the API server accepted is handed on with
 * the resourceVersion it returned.
 */
final class SoakDriver implements Runnable {

    /** One accepted write: a Machine at {@code resourceVersion} or later, or gone ({@code deleted}). */
    record Change(String cluster, String machine, long resourceVersion, boolean deleted, long writtenNanos) {
    }

    private static final String API = "cluster.x-k8s.io/v1beta2";
    private static final int MAX_EXTRA_MACHINES = 50;
    /** Writes in flight at most: the API server's round trip on a busy machine is far above 1/rate. */
    private static final int WRITERS = 8;

    private final KubernetesClient admin;
    private final List<String[]> machines = new ArrayList<>();
    private final List<String[]> extras = new ArrayList<>();
    private final AtomicInteger creating = new AtomicInteger();
    private final int rate;
    private final Consumer<Change> accepted;
    private final Random random = new Random(20);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final Semaphore inFlight = new Semaphore(WRITERS);
    private volatile boolean stopped;
    private volatile String lastFailure = "";
    private long created;

    SoakDriver(KubernetesClient admin, String prefix, int clusters, int machinesPerCluster, int rate,
               Consumer<Change> accepted) {
        this.admin = admin;
        this.rate = rate;
        this.accepted = accepted;
        for (int c = 0; c < clusters; c++) {
            for (int m = 0; m < machinesPerCluster; m++) {
                machines.add(new String[] {prefix + "-" + c, prefix + "-" + c + "-m" + m});
            }
        }
    }

    @Override
    public void run() {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS, runnable -> {
            Thread thread = new Thread(runnable, "soak-writer");
            thread.setDaemon(true);
            return thread;
        });
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        try {
            for (long i = 0; !stopped; i++) {
                long wait = start + i * period - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (!inFlight.tryAcquire()) {
                    skipped.incrementAndGet(); // the API server is behind: a queue would keep writing after stop
                    continue;
                }
                Supplier<Change> write = change(i);
                writers.execute(() -> {
                    try {
                        Change change = write.get();
                        sent.incrementAndGet();
                        accepted.accept(change);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writers.shutdown();
            try {
                writers.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void stop() {
        stopped = true;
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    /** Changes due while {@value #WRITERS} writes were still in flight, so not written. */
    long skipped() {
        return skipped.get();
    }

    String lastFailure() {
        return lastFailure;
    }

    /** Chosen on the driver's thread, written by a writer thread. */
    private Supplier<Change> change(long seq) {
        int kind = random.nextInt(100);
        if (kind >= 90) {
            return createOrDelete();
        }
        String[] target = machines.get(random.nextInt(machines.size()));
        Resource<GenericKubernetesResource> machine = machine(target[1]);
        String tier = "tier-" + random.nextInt(4);
        String phase = random.nextBoolean() ? "Running" : "Provisioning";
        int minReady = random.nextInt(60);
        return () -> {
            GenericKubernetesResource result;
            if (kind < 50) {
                result = machine.patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"soak/seq\":\"" + seq + "\"}}}");
            } else if (kind < 70) {
                result = machine.patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"labels\":{\"soak/tier\":\"" + tier + "\"}}}");
            } else if (kind < 85) {
                result = machine.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"status\":{\"phase\":\"" + phase + "\"}}");
            } else {
                result = machine.patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"minReadySeconds\":" + minReady + "}}");
            }
            return new Change(target[0], target[1], resourceVersion(result), false, System.nanoTime());
        };
    }

    /**
     * A new Machine in a random cluster, or one made before deleted. A created Machine can be deleted only once
     * its creation returned; extra Machines are not otherwise changed, so no write meets a Machine being deleted.
     */
    private Supplier<Change> createOrDelete() {
        synchronized (extras) {
            if (extras.isEmpty() || extras.size() + creating.get() < MAX_EXTRA_MACHINES && random.nextBoolean()) {
                String[] origin = machines.get(random.nextInt(machines.size()));
                String[] extra = {origin[0], origin[0] + "-x" + created++};
                creating.incrementAndGet();
                return () -> {
                    try {
                        GenericKubernetesResource result = LabFleet.apply(admin, LabFleet.machine(extra[0], extra[1]));
                        synchronized (extras) {
                            extras.add(extra);
                        }
                        return new Change(extra[0], extra[1], resourceVersion(result), false, System.nanoTime());
                    } finally {
                        creating.decrementAndGet();
                    }
                };
            }
            String[] extra = extras.remove(random.nextInt(extras.size()));
            return () -> {
                machine(extra[1]).delete();
                removeFinalizers(extra[1]);
                return new Change(extra[0], extra[1], -1, true, System.nanoTime());
            };
        }
    }

    /**
     * The Machine controller puts its finalizer on Machines of paused clusters too but does not delete them while
     * paused: without this, deleted Machines would stay (deleting) and the fleet would only grow.
     */
    private void removeFinalizers(String name) {
        try {
            machine(name).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    private Resource<GenericKubernetesResource> machine(String name) {
        return admin.genericKubernetesResources(API, "Machine").inNamespace(LabFleet.NAMESPACE).withName(name);
    }

    static long resourceVersion(GenericKubernetesResource resource) {
        return Long.parseLong(resource.getMetadata().getResourceVersion());
    }
}
