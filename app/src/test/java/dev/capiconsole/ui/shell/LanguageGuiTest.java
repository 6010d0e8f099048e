package dev.capiconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.ui.generate.GenerateViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window in Simplified Chinese and in English, without a management cluster: every page reachable from the
 * navigation and the generate wizard's first steps with a built-in template. In Chinese no visible text is still
 * English (Cluster API's words, product names and values excepted); in English no text is a raw key; in both no
 * button, tab, column header or title is cut short.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageGuiTest {

    /** Words that stay as they are in the Chinese window: Cluster API's kinds and fields, products, formats. */
    private static final Set<String> UNTRANSLATED = Set.of("cluster", "api", "clusterctl", "kind", "docker",
            "kubectl", "kubeconfig", "kubernetes", "etcd", "yaml", "url", "github", "go", "module", "proxy",
            "configmap", "clusterclass", "secret", "machine", "machines", "machineset", "machinesets",
            "machinedeployment", "kubeadmcontrolplane", "clusterresourceset", "resourcesets", "pod", "ip", "png",
            "svg", "crd", "metallb", "kubevirt", "lb", "flavor", "inventory", "core", "kubeadm", "ready", "ctrl",
            "shift", "all", "socket", "init", "generate", "describe", "english", "capi", "console", "deployment",
            "server", "side", "apply", "overrides", "config", "repositories", "managedfields", "in", "memory",
            "latest", "cni", "cidr", "notready", "applyonce", "reconcile", "calico", "cilium", "flannel", "none",
            "http", "https", "addons", "dev", "available", "machinehealthcheck");
    /** Prompts that show a value to type: the ConfigMap's default namespace and key. */
    private static final Set<String> VALUES = Set.of("default", "template");
    /** What the logic packages say and the window shows as it is (see README, Language). */
    private static final Pattern LOGIC_PHRASES = Pattern.compile("^$");
    /** Where the window shows data rather than its own words: catalog rows, templates, generated objects. */
    private static final Set<String> DATA = Set.of("built-in-templates", "provider-table", "preview-objects",
            "preview-yaml", "kind-tools");
    /** Values rather than words: URLs, paths, versions, identifiers, keys, file names, numbers. */
    private static final Pattern VALUE = Pattern.compile(
            "https?://\\S+|(?<![\\w])/\\S+|\\bv\\d[\\w.+-]*|\\b[\\w.-]*[_.\\-/:=@][\\w.\\-/:=@]*\\b|\\b[A-Z0-9_]{2,}\\b"
                    + "|\\bF\\d+\\b|\\d+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern RAW_KEY = Pattern.compile(
            "\\b(?:common|shell|clusters|generate|providers|lab|workloads|kind|install)(?:\\.[A-Za-z0-9]+){2,}\\b");

    @TempDir
    static Path folder;

    private Stage stage;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeWindow() {
        if (window != null) {
            window.close();
        }
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void chineseThroughout(FxRobot robot) throws Exception {
        List<String> english = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        walk(robot, Locale.SIMPLIFIED_CHINESE, "zh", texts -> {
            for (String text : texts.visible()) {
                if (isEnglish(text)) {
                    english.add(text);
                }
            }
            cut.addAll(texts.truncated());
        });
        Shortcuts.descriptions().values().stream().filter(LanguageGuiTest::isEnglish).forEach(english::add);
        assertThat(english).as("texts still in English").isEmpty();
        assertThat(cut).as("cut short").isEmpty();
    }

    @Test
    void englishHasNoRawKeys(FxRobot robot) throws Exception {
        List<String> raw = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        walk(robot, Locale.ENGLISH, "en", texts -> {
            texts.visible().stream().filter(text -> RAW_KEY.matcher(text).find()).forEach(raw::add);
            cut.addAll(texts.truncated());
        });
        assertThat(raw).as("raw keys").isEmpty();
        assertThat(cut).as("cut short").isEmpty();
    }

    static boolean isEnglish(String text) {
        if (VALUES.contains(text)) {
            return false;
        }
        String words = VALUE.matcher(LOGIC_PHRASES.matcher(text).replaceAll(" ")).replaceAll(" ");
        return WORD.matcher(words).results().map(m -> m.group().toLowerCase(Locale.ROOT))
                .anyMatch(word -> !UNTRANSLATED.contains(word));
    }

    private void walk(FxRobot robot, Locale language, String suffix, java.util.function.Consumer<Found> check)
            throws Exception {
        Texts.use(language);
        robot.interact(() -> window = ConsoleWindow.open(stage, Settings.load(folder.resolve(suffix)),
                LabOptions.defaults().withDataDir(folder.resolve("lab"))));
        robot.interact(() -> window.viewModel().themeProperty().set(Theme.LIGHT));
        for (View view : View.values()) {
            robot.interact(() -> window.viewModel().show(view));
            WaitForAsyncUtils.waitForFxEvents();
            if (view == View.PROVIDERS) {
                Await.until(Duration.ofSeconds(20), "the provider catalog",
                        () -> !robot.lookup("#provider-table").queryAs(TableView.class).getItems().isEmpty());
            }
            check.accept(found(view.name()));
            if ((view == View.WELCOME || view == View.CLUSTERS) && language == Locale.SIMPLIFIED_CHINESE) {
                save(view.name().toLowerCase(Locale.ROOT) + "-zh");
            }
        }
        robot.interact(() -> window.viewModel().show(View.GENERATE));
        GenerateViewModel generate = window.viewModel().generate();
        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(20), "the wizard's cluster page",
                () -> generate.stepProperty().get() == GenerateViewModel.Step.CLUSTER);
        WaitForAsyncUtils.waitForFxEvents();
        check.accept(found("generate cluster page"));
        if (language == Locale.SIMPLIFIED_CHINESE) {
            save("generate-zh");
        }
        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(20), "the wizard's variables page",
                () -> generate.stepProperty().get() == GenerateViewModel.Step.VARIABLES);
        WaitForAsyncUtils.waitForFxEvents();
        check.accept(found("generate variables page"));
        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(20), "the wizard's add-ons page",
                () -> generate.stepProperty().get() == GenerateViewModel.Step.ADDONS);
        WaitForAsyncUtils.waitForFxEvents();
        check.accept(found("generate add-ons page"));
        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(20), "the wizard's preview",
                () -> generate.stepProperty().get() == GenerateViewModel.Step.PREVIEW);
        WaitForAsyncUtils.waitForFxEvents();
        check.accept(found("generate preview"));
    }

    private void save(String name) {
        Screenshots.save(Screenshots.render(stage.getScene()), name);
    }

    /** What one page shows: every visible text (with where it was found) and every text cut short. */
    private record Found(List<String> visible, List<String> truncated) {
    }

    private Found found(String page) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Set<String> visible = new LinkedHashSet<>();
            List<String> truncated = new ArrayList<>();
            collect(stage.getScene().getRoot(), visible, truncated);
            return new Found(List.copyOf(visible),
                    truncated.stream().map(text -> page + ": " + text).toList());
        }).get();
    }

    private static void collect(Node node, Set<String> visible, List<String> truncated) {
        if (!node.isVisible() || node.getId() != null && DATA.contains(node.getId())) {
            return;
        }
        if (node instanceof Labeled labeled) {
            add(visible, labeled.getText());
            String ellipsis = labeled.getEllipsisString();
            if (isHeaderOrButton(labeled) && labeled.getText() != null && !labeled.getText().contains(ellipsis)
                    && labeled.getChildrenUnmodifiable().stream().anyMatch(child -> child instanceof Text text
                            && text.getText() != null && text.getText().contains(ellipsis))) {
                truncated.add(labeled.getText());
            }
        }
        if (node instanceof Text text) {
            add(visible, text.getText());
        }
        if (node instanceof TextInputControl input) {
            add(visible, input.getPromptText());
            return; // what it holds is a value, not the window's words
        }
        if (node instanceof ComboBoxBase<?> combo) {
            add(visible, combo.getPromptText());
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            add(visible, control.getTooltip().getText());
        }
        if (node instanceof MenuButton menu) {
            for (MenuItem item : menu.getItems()) {
                add(visible, item.getText());
            }
        }
        if (node instanceof TableView<?> table) {
            table.getColumns().forEach(column -> columns(column, visible));
        }
        if (node instanceof TreeTableView<?> table) {
            table.getColumns().forEach(column -> columns(column, visible));
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                add(visible, tab.getText());
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, visible, truncated);
            }
        }
    }

    private static void columns(TableColumnBase<?, ?> column, Set<String> visible) {
        if (column.isVisible()) {
            add(visible, column.getText());
            column.getColumns().forEach(child -> columns(child, visible));
        }
    }

    private static boolean isHeaderOrButton(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof ButtonBase || at.getStyleClass().contains("column-header")
                    || at.getStyleClass().contains("tab") || at.getStyleClass().contains("title-1")
                    || at.getStyleClass().contains("title-2") || at.getStyleClass().contains("nav-heading")) {
                return true;
            }
        }
        return false;
    }

    private static void add(Set<String> visible, String text) {
        if (text != null && !text.isBlank()) {
            visible.add(text);
        }
    }
}
