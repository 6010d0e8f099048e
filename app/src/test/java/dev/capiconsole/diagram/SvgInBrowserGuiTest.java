package dev.capiconsole.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.diagram.LaidOutDiagram.Box;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.Screenshots;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The exported SVG opened in a browser engine (JavaFX's WebKit): drawn, with the colours where the boxes are. */
@ExtendWith(ApplicationExtension.class)
class SvgInBrowserGuiTest {

    private static final LaidOutDiagram DIAGRAM = DiagramLayout.layout(DiagramBuilder.build(
            SampleSnapshots.rollingCluster(), DiagramOptions.defaults()));

    private WebView browser;

    @Start
    void start(Stage stage) {
        browser = new WebView();
        stage.setScene(new Scene(browser, DIAGRAM.width() + 40, DIAGRAM.height() + 40));
        stage.show();
    }

    @Test
    void theBrowserDrawsTheBoxesAndStatusIconsWhereTheLayoutPutThem(FxRobot robot) throws Exception {
        robot.interact(() -> browser.getEngine().loadContent("<html><body style=\"margin:0\">"
                + SvgExport.svg(DIAGRAM, Palette.LIGHT).replaceFirst("<\\?xml[^>]*>", "") + "</body></html>"));
        Await.until(Duration.ofSeconds(30), "the page loaded", this::loaded);
        Box cluster = DIAGRAM.boxes().get("Cluster/ns/c1");
        Box failing = DIAGRAM.boxes().get("Machine/ns/md-0-new-y");
        Image[] shot = new Image[1];
        Await.until(Duration.ofSeconds(20), "the Cluster's green status icon drawn", () -> {
            robot.interact(() -> shot[0] = browser.snapshot(null, null));
            return near(shot[0].getPixelReader().getColor((int) cluster.x() + 16, (int) cluster.y() + 11),
                    Color.web(Palette.LIGHT.color(DiagramSurface.Ink.GOOD)));
        });
        assertThat(shot[0].getPixelReader().getColor((int) failing.x() + 16, (int) failing.y() + 11))
                .as("a not-ready Machine's red status icon")
                .matches(c -> near(c, Color.web(Palette.LIGHT.color(DiagramSurface.Ink.BAD))));
        assertThat(shot[0].getPixelReader().getColor((int) cluster.x() + 150, (int) cluster.y() + 5))
                .as("inside a box: the node fill")
                .matches(c -> near(c, Color.web(Palette.LIGHT.color(DiagramSurface.Ink.NODE_FILL))));
        assertThat(shot[0].getPixelReader().getColor((int) cluster.x() - 10, (int) cluster.y() + 5))
                .as("outside every box: the background").matches(c -> near(c, Color.WHITE));
        Screenshots.save(shot[0], "diagram-svg-in-webkit");
    }

    private boolean loaded() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> browser.getEngine().getLoadWorker().getState()).get()
                    == Worker.State.SUCCEEDED;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.06 && Math.abs(a.getGreen() - b.getGreen()) < 0.06
                && Math.abs(a.getBlue() - b.getBlue()) < 0.06;
    }
}
