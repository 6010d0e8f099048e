package dev.capiconsole.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    @Test
    void aLoneSignalAfterAQuietSpellRunsAtOnceNotAfterTheGap() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        try (Coalescer coalescer = new Coalescer(2_000, ran::countDown)) {
            long start = System.nanoTime();
            coalescer.signal();
            assertThat(ran.await(1, TimeUnit.SECONDS)).as("ran well before the 2 s gap").isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
        }
    }

    @Test
    void signalsDuringARunGiveExactlyOneMoreRunAfterTheGap() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<Long> ends = new CopyOnWriteArrayList<>();
        try (Coalescer coalescer = new Coalescer(200, () -> {
            starts.add(System.nanoTime());
            if (starts.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            ends.add(System.nanoTime());
        })) {
            coalescer.signal();
            assertThat(firstStarted.await(1, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 50; i++) {
                coalescer.signal();
            }
            releaseFirst.countDown();
            Thread.sleep(800);
            assertThat(starts).as("the first run and one for the 50 signals during it").hasSize(2);
            assertThat(TimeUnit.NANOSECONDS.toMillis(starts.get(1) - ends.get(0))).as("the gap after the first run")
                    .isGreaterThanOrEqualTo(190);
        }
    }

    @Test
    void aSteadyStreamOfSignalsRunsAboutOncePerGapAndTheLastSignalIsNeverLost() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger latest = new AtomicInteger();
        try (Coalescer coalescer = new Coalescer(50, () -> {
            runs.incrementAndGet();
            seen.set(latest.get());
        })) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_000);
            while (System.nanoTime() < end) {
                latest.incrementAndGet();
                coalescer.signal();
                Thread.sleep(1);
            }
            Thread.sleep(300);
            assertThat(seen.get()).as("a run after the last signal saw it").isEqualTo(latest.get());
            assertThat(runs.get()).as("runs in one second of signals with a 50 ms gap").isBetween(5, 25);
        }
    }

    @Test
    void aFailingRunIsLoggedAndLaterSignalsStillRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(1);
        try (Coalescer coalescer = new Coalescer(10, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the first rebuild fails");
            }
            second.countDown();
        })) {
            coalescer.signal();
            Thread.sleep(100);
            coalescer.signal();
            assertThat(second.await(1, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSignalAfterCloseIsIgnored() {
        AtomicInteger runs = new AtomicInteger();
        Coalescer coalescer = new Coalescer(10, runs::incrementAndGet);
        coalescer.close();
        coalescer.signal();
        assertThat(runs.get()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
