package dev.capiconsole.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders a scene to a PNG under {@code target/screenshots/}, and measures what it shows. Beside each PNG of a
 * rendered scene goes a {@code .txt} with the texts its visible nodes showed, for the secret scan (a PNG cannot be
 * searched).
 */
public final class Screenshots {

    private static final Map<Image, String> TEXTS = Collections.synchronizedMap(new WeakHashMap<>());

    private Screenshots() {
    }

    public static Image render(Scene scene) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Image image = scene.snapshot(null);
                TEXTS.put(image, SceneText.of(scene.getRoot()));
                return image;
            }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("could not render the scene", e);
        }
    }

    public static Path save(Image image, String name) {
        Path folder = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Path file = folder.resolve(name + ".png");
        try {
            Files.createDirectories(folder);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            String text = TEXTS.get(image);
            if (text != null) {
                Files.writeString(folder.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Mean brightness of the image, 0 (black) to 1 (white), sampled on a grid. */
    public static double meanBrightness(Image image) {
        PixelReader pixels = image.getPixelReader();
        double sum = 0;
        int count = 0;
        for (int y = 0; y < (int) image.getHeight(); y += 8) {
            for (int x = 0; x < (int) image.getWidth(); x += 8) {
                Color c = pixels.getColor(x, y);
                sum += c.getBrightness();
                count++;
            }
        }
        return sum / count;
    }
}
