package dev.capiconsole.ui.clusters;

import atlantafx.base.theme.PrimerLight;
import dev.capiconsole.diagram.DiagramBuilder;
import dev.capiconsole.diagram.DiagramLayout;
import dev.capiconsole.diagram.DiagramOptions;
import dev.capiconsole.diagram.LaidOutDiagram;
import dev.capiconsole.diagram.Palette;
import dev.capiconsole.diagram.PngExport;
import dev.capiconsole.diagram.SampleSnapshots;
import dev.capiconsole.diagram.SvgExport;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.ui.common.TaskExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Benchmark of the relationship diagram (not a test): a Cluster of 1,000 Machines in one MachineSet, grouped (the
 * default) and every Machine drawn. Model: snapshot to laid-out diagram, SVG and PNG export. Window: the laid-out
 * diagram handed to the Diagram pane until the frame that shows it has been laid out (the scene's post-layout pulse,
 * after which JavaFX paints it) and until the next pulse starts (the frame painted). Medians of 9 runs after 3 warm-ups.
 */
public final class DiagramBenchmark {

    private static final int RUNS = 9;
    private static final int WARM_UPS = 3;

    private DiagramBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int machines = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ClusterSnapshot snapshot = SampleSnapshots.manyMachines(machines);
        DiagramOptions grouped = DiagramOptions.defaults();
        DiagramOptions expanded = grouped.withExpanded(Set.of("MachineSet/ns/md-s"));
        Platform.startup(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        for (DiagramOptions options : List.of(grouped, expanded)) {
            String name = options == grouped ? "grouped" : "every Machine drawn";
            List<Double> model = new ArrayList<>();
            LaidOutDiagram laidOut = null;
            for (int run = 0; run < WARM_UPS + RUNS; run++) {
                long start = System.nanoTime();
                laidOut = DiagramLayout.layout(DiagramBuilder.build(snapshot, options));
                keep(model, run, start);
            }
            LaidOutDiagram diagram = laidOut;
            List<Double> svg = new ArrayList<>();
            for (int run = 0; run < WARM_UPS + RUNS; run++) {
                long start = System.nanoTime();
                SvgExport.svg(diagram, Palette.LIGHT);
                keep(svg, run, start);
            }
            String png;
            try {
                long start = System.nanoTime();
                PngExport.png(diagram, Palette.LIGHT, new ByteArrayOutputStream());
                png = String.format("%.0f ms", (System.nanoTime() - start) / 1e6);
            } catch (IOException e) {
                png = "refused (too large)";
            }
            double[] frame = frames(diagram);
            System.out.printf("%,d Machines, %s: %d nodes; snapshot->laid out median %.1f ms; to the laid-out frame "
                            + "median %.1f ms (p max %.1f); to the next pulse (painted) median %.1f ms; SVG %.1f ms; "
                            + "PNG %s%n", machines, name, diagram.diagram().nodes().size(), median(model), frame[0],
                    frame[1], frame[2], median(svg), png);
        }
        Platform.exit();
    }

    /** Median and max to the post-layout pulse, and median to the start of the next pulse, in ms. */
    private static double[] frames(LaidOutDiagram diagram) throws Exception {
        DiagramViewModel model = new DiagramViewModel(TaskExecutor.sameThread(), () -> { });
        CompletableFuture<Scene> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene((Parent) new DiagramPane(model).root(), 1400, 800);
            scene.getStylesheets().add(DiagramPane.class.getResource("/dev/capiconsole/ui/shell/console.css")
                    .toExternalForm());
            stage.setScene(scene);
            stage.show();
            shown.complete(scene);
        });
        Scene scene = shown.get(30, TimeUnit.SECONDS);
        List<Double> laidOut = new ArrayList<>();
        List<Double> painted = new ArrayList<>();
        for (int run = 0; run < WARM_UPS + RUNS; run++) {
            CountDownLatch done = new CountDownLatch(1);
            long[] times = new long[2];
            Platform.runLater(() -> {
                model.publish(null);
                long start = System.nanoTime();
                model.publish(diagram);
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    times[0] = System.nanoTime() - start;
                    scene.removePostLayoutPulseListener(listener[0]);
                    new AnimationTimer() {
                        @Override
                        public void handle(long now) {
                            times[1] = System.nanoTime() - start;
                            stop();
                            done.countDown();
                        }
                    }.start();
                };
                scene.addPostLayoutPulseListener(listener[0]);
            });
            done.await(60, TimeUnit.SECONDS);
            if (run >= WARM_UPS) {
                laidOut.add(times[0] / 1e6);
                painted.add(times[1] / 1e6);
            }
        }
        return new double[] {median(laidOut), Collections.max(laidOut), median(painted)};
    }

    private static void keep(List<Double> values, int run, long start) {
        if (run >= WARM_UPS) {
            values.add((System.nanoTime() - start) / 1e6);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
