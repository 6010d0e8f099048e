package dev.capiconsole.ui.clusters;

import dev.capiconsole.ui.common.Labels;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Clusters page: the overview of every Cluster, the describe tree of the selected one, the selected row. */
public final class ClustersView {

    private final VBox root = new VBox(10);

    public ClustersView(ClustersViewModel model) {
        root.getStyleClass().add("page");
        root.setId("clusters-view");
        Label title = Labels.title("Clusters");
        Label state = Labels.muted("", false);
        state.setId("clusters-state");
        state.textProperty().bind(model.stateProperty());
        HBox heading = new HBox(16, title, state);
        heading.setAlignment(Pos.BASELINE_LEFT);

        ClusterActions actions = new ClusterActions(model);
        DetailsPane details = new DetailsPane(model, actions.menu());
        DescribeTreePane tree = new DescribeTreePane(model, details::show, actions::offerFor);
        SplitPane split = new SplitPane(new ClusterOverview(model).root(), tree.root(), details.root());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.24, 0.7);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(heading, split);
    }

    public Node root() {
        return root;
    }
}
