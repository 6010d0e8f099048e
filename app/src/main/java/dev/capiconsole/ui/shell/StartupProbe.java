package dev.capiconsole.ui.shell;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * For the installer test and the start-up benchmark: when {@value #VARIABLE} names a PNG file, the window, once its
 * first frame has been drawn, saves a snapshot of itself there, writes how long that took since the process started
 * to the {@code .txt} file beside it, and closes the application.
 */
public final class StartupProbe {

    static final String VARIABLE = "CAPI_CONSOLE_STARTUP_PROBE";

    private StartupProbe() {
    }

    /** Watches the stage's pulses when the variable is set, then ends the application; does nothing otherwise. */
    public static void attach(Stage stage, String target) {
        attach(stage, target, Platform::exit);
    }

    /** As {@link #attach(Stage, String)}, running {@code done} on the FX thread once the files are written. */
    public static void attach(Stage stage, String target, Runnable done) {
        if (target == null || target.isBlank()) {
            return;
        }
        Path png = Path.of(target).toAbsolutePath();
        // A pulse lays the scene out and hands a frame to the renderer; the next pulse starts once that frame is
        // drawn. So the second pulse after show() is the first moment the window is on screen with content.
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (stage.isShowing() && ++pulses == 2) {
                    Instant firstFrame = Instant.now();
                    stop();
                    report(stage.getScene(), png, firstFrame, done);
                }
            }
        }.start();
    }

    private static void report(Scene scene, Path png, Instant firstFrame, Runnable done) {
        try {
            Instant processStart = ProcessHandle.current().info().startInstant().orElse(firstFrame);
            writePng(scene.snapshot(null), png);
            Path text = png.resolveSibling(baseName(png) + ".txt");
            Files.writeString(text, "first_frame_ms=" + Duration.between(processStart, firstFrame).toMillis() + "\n"
                    + "first_frame_epoch_ms=" + firstFrame.toEpochMilli() + "\n"
                    + "process_start_epoch_ms=" + processStart.toEpochMilli() + "\n"
                    + "window=" + (int) scene.getWidth() + "x" + (int) scene.getHeight() + "\n");
        } catch (IOException | UncheckedIOException e) {
            System.err.println("capi-console: the start-up probe cannot write " + png + ": " + e.getMessage());
        } finally {
            done.run();
        }
    }

    private static void writePng(WritableImage image, Path png) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, width, height, pixels, 0, width);
        if (png.getParent() != null) {
            Files.createDirectories(png.getParent());
        }
        if (!ImageIO.write(buffered, "png", png.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
    }
}
