package dev.capiconsole.ui.clusters;

import dev.capiconsole.diagram.DiagramBuilder;
import dev.capiconsole.diagram.DiagramLayout;
import dev.capiconsole.diagram.DiagramOptions;
import dev.capiconsole.diagram.LaidOutDiagram;
import dev.capiconsole.diagram.Palette;
import dev.capiconsole.diagram.PngExport;
import dev.capiconsole.diagram.SvgExport;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The diagram of the selected Cluster: built and laid out on the clusters page's refresh thread, only while the
 * Diagram tab is shown, from the same snapshot as the tree; which groups are open and whether the extras are drawn.
 */
public final class DiagramViewModel {

    /** The file formats a diagram is exported in. */
    public enum Format { PNG, SVG }

    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final BooleanProperty extras = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<LaidOutDiagram> diagram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Set<String> expanded = new HashSet<>();
    private final TaskExecutor tasks;
    private final Runnable refresh;
    private volatile boolean building;
    private volatile DiagramOptions options = DiagramOptions.defaults();

    DiagramViewModel(TaskExecutor tasks, Runnable refresh) {
        this.tasks = tasks;
        this.refresh = refresh;
        shown.addListener((obs, old, now) -> {
            building = now;
            refresh.run();
        });
        extras.addListener((obs, old, now) -> {
            options = options.withExtras(now);
            refresh.run();
        });
    }

    /** Runs on the refresh thread: the laid-out diagram, or null while the Diagram tab is not shown. */
    LaidOutDiagram layout(ClusterSnapshot snapshot) {
        return building ? DiagramLayout.layout(DiagramBuilder.build(snapshot, options)) : null;
    }

    /** On the FX thread: the newest diagram, null when no cluster is selected or the tab is hidden. */
    void publish(LaidOutDiagram laidOut) {
        if (!Objects.equals(laidOut, diagram.get())) {
            diagram.set(laidOut);
        }
    }

    /** Draws the Machines of this owner one by one, or groups them again. */
    public void toggleGroup(String ownerId) {
        if (!expanded.remove(ownerId)) {
            expanded.add(ownerId);
        }
        options = options.withExpanded(expanded);
        refresh.run();
    }

    public void collapseGroups() {
        expanded.clear();
        options = options.withExpanded(expanded);
        refresh.run();
    }

    public void export(Path file, Format format, Palette palette) {
        LaidOutDiagram current = diagram.get();
        if (current == null) {
            message.set(Texts.get("clusters.diagram.nothingToExport"));
            return;
        }
        message.set(Texts.get("clusters.diagram.exporting", file));
        BackgroundTask.of(() -> {
            if (format == Format.SVG) {
                Files.writeString(file, SvgExport.svg(current, palette), StandardCharsets.UTF_8);
            } else {
                try (OutputStream out = Files.newOutputStream(file)) {
                    PngExport.png(current, palette, out);
                }
            }
            return file;
        }).onSuccess(done -> message.set(Texts.get("clusters.diagram.saved", done.getFileName(),
                done.toAbsolutePath().getParent())))
                .onFailure(e -> message.set(Texts.get("clusters.diagram.saveFailed", file, e.getMessage())))
                .runWith(tasks);
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public BooleanProperty extrasProperty() {
        return extras;
    }

    public ReadOnlyObjectProperty<LaidOutDiagram> diagramProperty() {
        return diagram.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
