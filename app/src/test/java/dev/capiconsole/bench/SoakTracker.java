package dev.capiconsole.bench;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ObjectRef;
import dev.capiconsole.topology.ObjectSource;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.ui.clusters.ClustersViewModel.TreeUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;

/**
 * Follows every accepted change into the window: into the live model (the informers' cache the views are built
 * from, polled every {@value #POLL_MILLIS} ms), into the describe tree of the selected cluster (the tree property
 * the window's tree shows, on the FX thread) and to the next laid-out frame after that tree (a pulse listener).
 * A change counts as seen when the Machine there is at its resourceVersion or later (or gone, for a deletion).
 */
final class SoakTracker {

    static final long POLL_MILLIS = 10;

    /** Latencies in ms of one interval. */
    record Latencies(List<Double> model, List<Double> tree, List<Double> painted, double longestFrameGap) {
    }

    private final Supplier<ObjectSource> model;
    private final String selectedCluster;
    private final Queue<SoakDriver.Change> incoming = new ConcurrentLinkedQueue<>();
    private final List<SoakDriver.Change> open = new ArrayList<>();
    private final Queue<SoakDriver.Change> treeOpen = new ConcurrentLinkedQueue<>();
    private final List<Long> paintOpen = new ArrayList<>();
    private final AtomicLong reachedModel = new AtomicLong();
    private final AtomicLong reachedTree = new AtomicLong();
    private final AtomicLong openCount = new AtomicLong();
    private List<Double> modelLatencies = new ArrayList<>();
    private List<Double> treeLatencies = new ArrayList<>();
    private List<Double> paintLatencies = new ArrayList<>();
    private volatile boolean stopped;
    private Thread poller;
    private double longestFrameGap;
    private long lastFrame;
    /** Frame gaps that end before this are not counted: the sampler's own full GCs stall every thread. */
    private volatile long ignoreFramesUntil;
    private final AnimationTimer frameProbe = new AnimationTimer() {
        @Override
        public void handle(long now) {
            framed(now);
        }
    };

    SoakTracker(Supplier<ObjectSource> model, String selectedCluster) {
        this.model = model;
        this.selectedCluster = selectedCluster;
    }

    void start() {
        poller = new Thread(this::poll, "soak-model-poller");
        poller.setDaemon(true);
        poller.start();
    }

    void stop() throws InterruptedException {
        stopped = true;
        poller.join();
    }

    /** Called by the driver after the API server accepted a change. */
    void accepted(SoakDriver.Change change) {
        openCount.incrementAndGet();
        incoming.add(change);
        if (change.cluster().equals(selectedCluster)) {
            treeOpen.add(change);
        }
    }

    long reachedModel() {
        return reachedModel.get();
    }

    long reachedTree() {
        return reachedTree.get();
    }

    /** Changes accepted by the API server and not yet in the live model. */
    long notYetInModel() {
        return openCount.get();
    }

    /** Changes to the selected cluster not yet in its tree. */
    int notYetInTree() {
        return treeOpen.size();
    }

    /** The latencies since the last call, and the longest time between two frames (ms). */
    synchronized Latencies drain() {
        Latencies result = new Latencies(modelLatencies, treeLatencies, paintLatencies, longestFrameGap);
        modelLatencies = new ArrayList<>();
        treeLatencies = new ArrayList<>();
        paintLatencies = new ArrayList<>();
        longestFrameGap = 0;
        return result;
    }

    /**
     * On the FX thread: asks for a frame every pulse, so a gap between two frames longer than the pulse period
     * (16.7 ms) is time the FX thread was busy with something else (an update, its layout, a GC).
     */
    void startFrameProbe() {
        frameProbe.start();
    }

    void stopFrameProbe() {
        frameProbe.stop();
    }

    /** From now until 100 ms after {@link #countFrameGapsAgain()}, frame gaps are the sampler's doing: not counted. */
    void ignoreFrameGaps() {
        ignoreFramesUntil = Long.MAX_VALUE;
    }

    void countFrameGapsAgain() {
        ignoreFramesUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    }

    private void framed(long now) {
        long previous = lastFrame;
        lastFrame = now;
        if (previous == 0 || System.nanoTime() < ignoreFramesUntil) {
            return;
        }
        double gap = (now - previous) / 1e6;
        synchronized (this) {
            longestFrameGap = Math.max(longestFrameGap, gap);
        }
    }

    private synchronized void record(List<Double> where, long writtenNanos, long now) {
        where.add((now - writtenNanos) / 1e6);
    }

    private void poll() {
        while (!stopped) {
            for (SoakDriver.Change change; (change = incoming.poll()) != null; ) {
                open.add(change);
            }
            ObjectSource current = model.get();
            if (current != null) {
                long now = System.nanoTime();
                for (Iterator<SoakDriver.Change> it = open.iterator(); it.hasNext(); ) {
                    SoakDriver.Change change = it.next();
                    CapiObject machine = current.referenced(new ObjectRef("cluster.x-k8s.io", "Machine",
                            LabFleet.NAMESPACE, change.machine()));
                    if (shows(machine, change)) {
                        it.remove();
                        openCount.decrementAndGet();
                        reachedModel.incrementAndGet();
                        synchronized (this) {
                            modelLatencies.add((now - change.writtenNanos()) / 1e6);
                        }
                    }
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** On the FX thread: a tree the window received. */
    void treeUpdated(TreeUpdate update) {
        if (update == null || treeOpen.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        Map<String, CapiObject> machines = new HashMap<>();
        collectMachines(update.root(), machines);
        for (Iterator<SoakDriver.Change> it = treeOpen.iterator(); it.hasNext(); ) {
            SoakDriver.Change change = it.next();
            if (shows(machines.get(change.machine()), change)) {
                it.remove();
                reachedTree.incrementAndGet();
                record(treeLatencies, change.writtenNanos(), now);
                paintOpen.add(change.writtenNanos());
            }
        }
    }

    /** On the FX thread, after the layout of each pulse: the frame that shows the trees received before it. */
    void pulsed() {
        if (paintOpen.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (long written : paintOpen) {
            record(paintLatencies, written, now);
        }
        paintOpen.clear();
    }

    private static void collectMachines(TreeNode node, Map<String, CapiObject> into) {
        if (node.object() != null && node.object().kind().equals("Machine")) {
            into.put(node.object().name(), node.object());
        }
        for (TreeNode child : node.children()) {
            collectMachines(child, into);
        }
    }

    private static boolean shows(CapiObject machine, SoakDriver.Change change) {
        if (change.deleted()) {
            return machine == null;
        }
        return machine != null && Long.parseLong(machine.text("metadata", "resourceVersion"))
                >= change.resourceVersion();
    }
}
