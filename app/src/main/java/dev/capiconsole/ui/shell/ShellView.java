package dev.capiconsole.ui.shell;

import dev.capiconsole.ui.clusterclasses.ClusterClassesView;
import dev.capiconsole.ui.clusters.ClustersView;
import dev.capiconsole.ui.common.NoticeBanner;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.ui.generate.GenerateView;
import dev.capiconsole.ui.install.InstallView;
import dev.capiconsole.ui.kind.KindView;
import dev.capiconsole.ui.lab.LabView;
import dev.capiconsole.ui.problems.ProblemsView;
import dev.capiconsole.ui.providers.ProvidersView;
import dev.capiconsole.ui.resourcesets.ResourceSetsView;
import dev.capiconsole.ui.workloads.WorkloadsView;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window's frame: header, navigation, content with its notice banner, and status bar. */
final class ShellView {

    private final ShellViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final Map<View, Node> views = new EnumMap<>(View.class);
    private final StackPane content = new StackPane();

    ShellView(ShellViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("shell");
        if (Texts.locale().getLanguage().equals(Locale.CHINESE.getLanguage())) {
            root.getStyleClass().add("lang-zh");
        }
        root.setTop(header());
        root.setLeft(new NavigationView(viewModel).root());
        root.setCenter(centre());
        root.setBottom(new StatusBar(viewModel).root());
        viewModel.themeProperty().get().apply();
        viewModel.themeProperty().addListener((obs, old, now) -> now.apply());
        viewModel.currentViewProperty().addListener((obs, old, now) -> showView(now));
        showView(viewModel.currentViewProperty().get());
    }

    BorderPane root() {
        return root;
    }

    private Node header() {
        Label title = new Label("capi-console");
        title.getStyleClass().add("app-title");
        title.setGraphic(new FontIcon(Feather.LAYERS));
        Label subtitle = new Label(Texts.get("shell.header.subtitle"));
        subtitle.getStyleClass().add("app-subtitle");

        Button themeButton = new Button();
        themeButton.setId("theme-toggle");
        themeButton.getStyleClass().addAll("flat", "button-icon");
        themeButton.setOnAction(e -> viewModel.toggleTheme());
        Runnable updateThemeButton = () -> {
            boolean dark = viewModel.themeProperty().get() == Theme.DARK;
            themeButton.setGraphic(new FontIcon(dark ? Feather.SUN : Feather.MOON));
            themeButton.setTooltip(new Tooltip(Texts.get(dark ? "shell.header.lightTheme" : "shell.header.darkTheme",
                    Shortcuts.THEME.getDisplayText())));
        };
        viewModel.themeProperty().addListener((obs, old, now) -> updateThemeButton.run());
        updateThemeButton.run();

        Button helpButton = new Button(null, new FontIcon(Feather.HELP_CIRCLE));
        helpButton.setId("shortcuts-help");
        helpButton.getStyleClass().addAll("flat", "button-icon");
        helpButton.setTooltip(new Tooltip(Texts.get("shell.header.shortcuts", Shortcuts.HELP.getDisplayText())));
        helpButton.setOnAction(e -> Shortcuts.showHelp(root.getScene().getWindow()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, subtitle, spacer, languageMenu(), themeButton, helpButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        return header;
    }

    /** The language for the next start: the system's, English or Chinese, each named in its own language. */
    private Node languageMenu() {
        MenuButton menu = new MenuButton(null, new FontIcon(Feather.GLOBE));
        menu.setId("language");
        menu.getStyleClass().addAll("flat", "button-icon");
        menu.setTooltip(new Tooltip(Texts.get("shell.language.tooltip")));
        ToggleGroup group = new ToggleGroup();
        String chosen = viewModel.languageSetting();
        for (String tag : List.of(ShellViewModel.SYSTEM_LANGUAGE, "en", "zh-CN")) {
            RadioMenuItem item = new RadioMenuItem(switch (tag) {
                case "en" -> Texts.get("shell.language.en");
                case "zh-CN" -> Texts.get("shell.language.zhCN");
                default -> Texts.get("shell.language.system");
            });
            item.setToggleGroup(group);
            item.setSelected(tag.equals(chosen));
            item.setOnAction(e -> viewModel.chooseLanguage(tag));
            menu.getItems().add(item);
        }
        MenuItem note = new MenuItem(Texts.get("shell.language.nextStart"));
        note.setDisable(true);
        menu.getItems().addAll(new SeparatorMenuItem(), note);
        return menu;
    }

    private Node centre() {
        NoticeBanner banner = new NoticeBanner(viewModel.noticeProperty());
        VBox centre = new VBox(banner.root(), content);
        VBox.setVgrow(content, Priority.ALWAYS);
        centre.getStyleClass().add("content");
        VBox.setMargin(banner.root(), new Insets(16, 24, 0, 24));
        return centre;
    }

    private void showView(View view) {
        content.getChildren().setAll(views.computeIfAbsent(view, this::createView));
    }

    private Node createView(View view) {
        return switch (view) {
            case WELCOME -> new WelcomeView(viewModel).root();
            case PROVIDERS -> new ProvidersView(viewModel.providers(), viewModel.buildInfo().capiReference()).root();
            case LAB -> new LabView(viewModel.lab()).root();
            case CLUSTERS -> new ClustersView(viewModel.clusters()).root();
            case GENERATE -> new GenerateView(viewModel.generate()).root();
            case WORKLOADS -> new WorkloadsView(viewModel.workloads()).root();
            case KIND -> new KindView(viewModel.kind()).root();
            case INSTALL -> new InstallView(viewModel.install()).root();
            case RESOURCE_SETS -> new ResourceSetsView(viewModel.resourceSets()).root();
            case PROBLEMS -> new ProblemsView(viewModel.problems()).root();
            case CLUSTER_CLASSES -> new ClusterClassesView(viewModel.clusterClasses()).root();
        };
    }
}
