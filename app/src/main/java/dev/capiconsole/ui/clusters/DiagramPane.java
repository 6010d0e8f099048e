package dev.capiconsole.ui.clusters;

import dev.capiconsole.diagram.DiagramNode;
import dev.capiconsole.diagram.DiagramPainter;
import dev.capiconsole.diagram.LaidOutDiagram;
import dev.capiconsole.diagram.Palette;
import dev.capiconsole.ui.clusters.DiagramViewModel.Format;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.Texts;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.stage.FileChooser;

/**
 * The live relationship diagram of the selected Cluster: zoom (wheel, buttons), pan (drag), fit, a search that
 * highlights, groups of Machines that open on a click, export as PNG or SVG. Clicking an object hands it to the
 * {@link #setOnSelected} callback (the page selects it in the tree); {@link #highlight} marks the tree's selection.
 */
final class DiagramPane {

    private static final double MIN_SCALE = 0.05;
    private static final double MAX_SCALE = 3;
    private static final double READABLE = 0.75;

    private final DiagramViewModel model;
    private Consumer<DiagramNode> onSelected = node -> { };
    private final VBox root;
    private final Pane viewport = new Pane();
    private final Group content = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate();
    private final TextField search = new TextField();
    private Map<String, Group> nodes = Map.of();
    private LaidOutDiagram drawn;
    private String selectedId;
    private String shownCluster;
    private boolean fitPending;
    private double dragX;
    private double dragY;

    DiagramPane(DiagramViewModel model) {
        this.model = model;
        content.getTransforms().addAll(translate, scale);
        viewport.getStyleClass().add("diagram");
        viewport.setId("diagram");
        viewport.getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        Label placeholder = Labels.muted(Texts.get("clusters.diagram.empty"), false);
        placeholder.visibleProperty().bind(model.diagramProperty().isNull());
        placeholder.setMouseTransparent(true);
        StackPane canvas = new StackPane(viewport, placeholder);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        root = new VBox(8, toolbar(), canvas);
        panAndZoom();
        model.diagramProperty().addListener((obs, old, now) -> render(now));
        viewport.widthProperty().addListener((obs, old, now) -> fitIfPending());
        viewport.heightProperty().addListener((obs, old, now) -> fitIfPending());
    }

    Node root() {
        return root;
    }

    void setOnSelected(Consumer<DiagramNode> action) {
        onSelected = action;
    }

    /** Marks the node of this object (or the group it is counted in) as selected; null clears the mark. */
    void highlight(String kind, String namespace, String name) {
        selectedId = null;
        LaidOutDiagram current = model.diagramProperty().get();
        if (current != null && kind != null) {
            String id = DiagramNode.id(kind, namespace, name);
            selectedId = current.diagram().node(id).map(DiagramNode::id).orElseGet(() -> current.diagram().nodes()
                    .stream().filter(n -> n.group() != null && n.group().members().contains(name)
                            && n.kind().equals(kind)).map(DiagramNode::id).findFirst().orElse(null));
        }
        decorate();
    }

    private Node toolbar() {
        Button fit = button("diagram-fit", Texts.get("clusters.diagram.fit"), Texts.get("clusters.diagram.fitTooltip"));
        fit.setOnAction(e -> fit());
        Button zoomIn = button("diagram-zoom-in", "+", Texts.get("clusters.diagram.zoomIn"));
        zoomIn.setOnAction(e -> zoomAt(1.25, viewport.getWidth() / 2, viewport.getHeight() / 2));
        Button zoomOut = button("diagram-zoom-out", "−", Texts.get("clusters.diagram.zoomOut"));
        zoomOut.setOnAction(e -> zoomAt(0.8, viewport.getWidth() / 2, viewport.getHeight() / 2));
        search.setId("diagram-search");
        search.setPromptText(Texts.get("clusters.diagram.find"));
        search.setPrefWidth(220);
        search.setMinWidth(170);
        search.textProperty().addListener((obs, old, now) -> decorate());
        search.setOnAction(e -> revealFirstMatch());
        CheckBox extras = new CheckBox(Texts.get("clusters.diagram.extras"));
        extras.setId("diagram-extras");
        extras.selectedProperty().bindBidirectional(model.extrasProperty());
        Button collapse = button("diagram-collapse", Texts.get("clusters.diagram.group"),
                Texts.get("clusters.diagram.groupTooltip"));
        collapse.setOnAction(e -> model.collapseGroups());
        MenuButton export = exportMenu();
        for (Region control : new Region[] {fit, zoomIn, zoomOut, extras, collapse, export}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        Node message = message();
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox bar = new HBox(8, fit, zoomIn, zoomOut, search, extras, collapse, export, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private MenuButton exportMenu() {
        CheckMenuItem dark = new CheckMenuItem(Texts.get("clusters.diagram.darkBackground"));
        MenuItem png = new MenuItem(Texts.get("clusters.diagram.png"));
        MenuItem svg = new MenuItem(Texts.get("clusters.diagram.svg"));
        png.setOnAction(e -> export(Format.PNG, dark.isSelected()));
        svg.setOnAction(e -> export(Format.SVG, dark.isSelected()));
        MenuButton menu = new MenuButton(Texts.get("clusters.diagram.export"), null, png, svg, dark);
        menu.setId("diagram-export");
        return menu;
    }

    private Node message() {
        Label message = Labels.muted("", false);
        message.setId("diagram-message");
        message.setMinWidth(0);
        message.textProperty().bind(model.messageProperty());
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(model.messageProperty());
        message.setTooltip(tooltip);
        return message;
    }

    private void export(Format format, boolean dark) {
        LaidOutDiagram current = model.diagramProperty().get();
        if (current == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        String extension = format.name().toLowerCase(Locale.ROOT);
        chooser.setInitialFileName(current.diagram().nodes().get(0).name() + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + extension));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath(), format, dark ? Palette.DARK : Palette.LIGHT);
        }
    }

    private void render(LaidOutDiagram diagram) {
        if (diagram == null) {
            content.getChildren().clear();
            nodes = Map.of();
            drawn = null;
            shownCluster = null;
            return;
        }
        DiagramShapes shapes = new DiagramShapes();
        DiagramPainter.paint(diagram, shapes);
        Map<String, Group> next = new LinkedHashMap<>();
        shapes.nodes().forEach((id, group) -> next.put(id, unchanged(id, group, diagram) ? nodes.get(id)
                : clickable(group)));
        content.getChildren().setAll(shapes.edges());
        content.getChildren().addAll(next.values());
        nodes = next;
        drawn = diagram;
        String cluster = diagram.diagram().nodes().get(0).id();
        if (!cluster.equals(shownCluster)) {
            shownCluster = cluster;
            selectedId = null;
            fitPending = true;
        }
        decorate();
        fitIfPending();
    }

    /** Whether the node was drawn before, the same and in the same place: its shapes are kept (and its hover). */
    private boolean unchanged(String id, Group group, LaidOutDiagram diagram) {
        Group old = nodes.get(id);
        return old != null && drawn != null && old.getUserData().equals(group.getUserData())
                && Objects.equals(drawn.boxes().get(id), diagram.boxes().get(id));
    }

    private Group clickable(Group group) {
        group.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                clicked((DiagramNode) group.getUserData());
            }
        });
        return group;
    }

    private void clicked(DiagramNode node) {
        if (node.role() == DiagramNode.Role.MACHINE_GROUP) {
            model.toggleGroup(node.id().substring(0, node.id().lastIndexOf('#')));
            return;
        }
        selectedId = node.id();
        decorate();
        onSelected.accept(node);
    }

    /** Selected, matching and dimmed nodes, from the selection and the search text. */
    private void decorate() {
        String query = search.getText() == null ? "" : search.getText().strip();
        nodes.forEach((id, group) -> {
            DiagramNode node = (DiagramNode) group.getUserData();
            boolean match = !query.isEmpty() && node.matches(query);
            group.getStyleClass().removeAll("diagram-selected", "diagram-match", "diagram-dim");
            if (id.equals(selectedId)) {
                group.getStyleClass().add("diagram-selected");
            }
            if (match) {
                group.getStyleClass().add("diagram-match");
            } else if (!query.isEmpty()) {
                group.getStyleClass().add("diagram-dim");
            }
        });
    }

    private void revealFirstMatch() {
        String query = search.getText() == null ? "" : search.getText().strip();
        nodes.values().stream().filter(g -> !query.isEmpty() && ((DiagramNode) g.getUserData()).matches(query))
                .findFirst().ifPresent(group -> {
                    Bounds bounds = group.getBoundsInLocal();
                    translate.setX(viewport.getWidth() / 2 - bounds.getCenterX() * scale.getX());
                    translate.setY(viewport.getHeight() / 2 - bounds.getCenterY() * scale.getY());
                });
    }

    /**
     * A new cluster's first view: all of it when that is still readable, else readable (at least {@code
     * READABLE}) from the top, with the Cluster in the middle; Fit shows all of it whatever the size.
     */
    private void fitIfPending() {
        LaidOutDiagram current = model.diagramProperty().get();
        if (!fitPending || current == null || viewport.getWidth() <= 0 || viewport.getHeight() <= 0) {
            return;
        }
        fitPending = false;
        double all = Math.min(viewport.getWidth() / current.width(), viewport.getHeight() / current.height());
        double factor = Math.min(1, Math.max(READABLE, all));
        scale.setX(factor);
        scale.setY(factor);
        double clusterX = current.boxes().get(current.diagram().nodes().get(0).id()).centerX();
        translate.setX(current.width() * factor <= viewport.getWidth()
                ? (viewport.getWidth() - current.width() * factor) / 2
                : viewport.getWidth() / 2 - clusterX * factor);
        translate.setY(0);
    }

    private void fit() {
        LaidOutDiagram current = model.diagramProperty().get();
        if (current == null || viewport.getWidth() <= 0) {
            return;
        }
        double factor = Math.max(MIN_SCALE, Math.min(1, Math.min(viewport.getWidth() / current.width(),
                viewport.getHeight() / current.height())));
        scale.setX(factor);
        scale.setY(factor);
        translate.setX((viewport.getWidth() - current.width() * factor) / 2);
        translate.setY(0);
    }

    private void panAndZoom() {
        viewport.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
                e.consume();
            }
        });
        viewport.setOnMousePressed(e -> {
            dragX = e.getX() - translate.getX();
            dragY = e.getY() - translate.getY();
        });
        viewport.setOnMouseDragged(e -> {
            translate.setX(e.getX() - dragX);
            translate.setY(e.getY() - dragY);
        });
    }

    /** Zooms by {@code factor} keeping the point under ({@code x}, {@code y}) where it is. */
    private void zoomAt(double factor, double x, double y) {
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale.getX() * factor));
        double applied = next / scale.getX();
        translate.setX(x - (x - translate.getX()) * applied);
        translate.setY(y - (y - translate.getY()) * applied);
        scale.setX(next);
        scale.setY(next);
    }

    private static Button button(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }
}
