package dev.capiconsole.ui.clusters;

import dev.capiconsole.diagram.DiagramNode;
import dev.capiconsole.diagram.LaidOutDiagram;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.Texts;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Clusters page: the overview of every Cluster, the describe tree of the selected one, the selected row. */
public final class ClustersView {

    private final VBox root = new VBox(10);

    public ClustersView(ClustersViewModel model) {
        root.getStyleClass().add("page");
        root.setId("clusters-view");
        Label title = Labels.title(Texts.get("clusters.page.title"));
        Label state = Labels.muted("", false);
        state.setId("clusters-state");
        state.textProperty().bind(model.stateProperty());
        HBox heading = new HBox(16, title, state);
        heading.setAlignment(Pos.BASELINE_LEFT);

        ClusterActions actions = new ClusterActions(model);
        DetailsPane details = new DetailsPane(model, actions.menu());
        DiagramPane diagram = new DiagramPane(model.diagram());
        DescribeTreePane tree = new DescribeTreePane(model, details::show, row -> {
            actions.offerFor(row);
            highlight(diagram, row);
        });
        diagram.setOnSelected(node -> selectInTree(tree, model.diagram(), node));
        SplitPane split = new SplitPane(new ClusterOverview(model).root(), treeAndDiagram(model, tree, diagram),
                details.root());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.24, 0.7);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(heading, split);
    }

    public Node root() {
        return root;
    }

    private static Node treeAndDiagram(ClustersViewModel model, DescribeTreePane tree, DiagramPane diagram) {
        Tab treeTab = new Tab(Texts.get("clusters.tab.tree"), tree.root());
        treeTab.setId("tree-tab");
        Tab diagramTab = new Tab(Texts.get("clusters.tab.diagram"), diagram.root());
        diagramTab.setId("diagram-tab");
        model.diagram().shownProperty().bind(diagramTab.selectedProperty());
        Tab eventsTab = new Tab(Texts.get("clusters.tab.events"), new EventsTimelinePane(model.timeline()).root());
        eventsTab.setId("timeline-tab");
        model.timeline().activeProperty().bind(eventsTab.selectedProperty());
        TabPane tabs = new TabPane(treeTab, diagramTab, eventsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static void highlight(DiagramPane diagram, DescribeRow row) {
        if (row == null || row.node().shape() == TreeNode.Shape.VIRTUAL) {
            diagram.highlight(null, null, null);
        } else if (row.node().shape() == TreeNode.Shape.GROUP) {
            String kind = row.node().kind().substring(0, row.node().kind().length() - "Group".length());
            diagram.highlight(kind, row.node().namespace(), row.node().groupItems().get(0));
        } else {
            diagram.highlight(row.node().kind(), row.node().namespace(), row.node().name());
        }
    }

    /** The clicked object's row, else (a provider object the tree hides as an echo) its owner's. */
    private static void selectInTree(DescribeTreePane tree, DiagramViewModel diagram, DiagramNode node) {
        if (tree.select(node.kind(), node.namespace(), node.name())) {
            return;
        }
        LaidOutDiagram current = diagram.diagramProperty().get();
        if (current != null) {
            current.diagram().owner(node.id())
                    .ifPresent(owner -> tree.select(owner.kind(), owner.namespace(), owner.name()));
        }
    }
}
