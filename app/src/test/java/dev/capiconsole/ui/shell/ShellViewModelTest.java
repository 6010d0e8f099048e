package dev.capiconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.BuildInfo;
import dev.capiconsole.connection.KubeContext;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.ui.common.Notice;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's state without a window: kubeconfig loading, connecting, notices, theme and what is remembered. */
class ShellViewModelTest {

    @TempDir
    Path folder;
    private Settings settings;
    private ShellViewModel model;

    @BeforeEach
    void shell() {
        settings = Settings.load(folder.resolve("settings"));
        model = new ShellViewModel(settings, TaskExecutor.sameThread(), BuildInfo.load(),
                LabOptions.defaults().withDataDir(folder.resolve("lab")));
    }

    private Path kubeconfig(String currentContext) throws IOException {
        return Files.writeString(folder.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: nowhere
                  cluster:
                    server: https://127.0.0.1:1
                contexts:
                - name: first
                  context: {cluster: nowhere, user: me}
                - name: second
                  context: {cluster: nowhere, user: me, namespace: team}
                users:
                - name: me
                  user: {token: not-a-real-token}
                """ + (currentContext == null ? "" : "current-context: " + currentContext + "\n"));
    }

    @Test
    void aKubeconfigWithoutCurrentContextListsItsContextsAndAsksToPickOne() throws IOException {
        Path file = kubeconfig(null);
        model.loadKubeconfigs(List.of(file), true);
        assertThat(model.contexts()).extracting(KubeContext::name).containsExactly("first", "second");
        assertThat(model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.WARNING);
        assertThat(model.noticeProperty().get().title()).isEqualTo("No current context in [" + file + "].");
        assertThat(settings.get(ShellViewModel.LAST_KUBECONFIG_KEY)).contains(file.toString());
    }

    @Test
    void connectingToADeadEndpointSaysWhyAndStaysDisconnected() throws IOException {
        model.loadKubeconfigs(List.of(kubeconfig("first")), true);
        Notice notice = model.noticeProperty().get();
        assertThat(notice.kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(notice.title()).isEqualTo("Cannot connect to first.");
        assertThat(notice.detail()).contains("https://127.0.0.1:1").doesNotContain("not-a-real-token");
        assertThat(model.connectedProperty().get()).isNull();
        assertThat(model.connectingProperty().get()).isNull();
        assertThat(model.connectionStateProperty().get()).startsWith("Not connected");
    }

    @Test
    void anUnreadableKubeconfigIsAnErrorNotice() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken"), "clusters: [unclosed\n");
        model.loadKubeconfigs(List.of(broken), true);
        assertThat(model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(model.noticeProperty().get().title()).isEqualTo("Cannot read the kubeconfig.");
        assertThat(model.contexts()).isEmpty();
    }

    @Test
    void theChosenThemeIsRememberedForTheNextStart() {
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
        model.toggleTheme();
        assertThat(settings.get(ShellViewModel.THEME_KEY)).contains("DARK");
        ShellViewModel next = new ShellViewModel(Settings.load(folder.resolve("settings")), TaskExecutor.sameThread(),
                BuildInfo.load(), LabOptions.defaults().withDataDir(folder.resolve("lab")));
        assertThat(next.themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void openingAWorkloadFromTheClustersPageShowsTheWorkloadsPage() {
        model.show(View.CLUSTERS);
        model.clusters().selectedProperty().set(null);
        model.clusters().openSelectedWorkload();
        assertThat(model.currentViewProperty().get()).as("nothing selected: nothing to open").isEqualTo(View.CLUSTERS);
    }

    @Test
    void aChosenLanguageIsRememberedAndTheWindowSaysWhenItTakesEffect() {
        assertThat(model.languageSetting()).isEqualTo(ShellViewModel.SYSTEM_LANGUAGE);
        model.chooseLanguage("zh-CN");
        assertThat(settings.get(Texts.LANGUAGE_KEY)).contains("zh-CN");
        assertThat(Settings.load(folder.resolve("settings")).get(Texts.LANGUAGE_KEY)).contains("zh-CN");
        assertThat(model.languageSetting()).isEqualTo("zh-CN");
        assertThat(model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.INFO);
        assertThat(model.noticeProperty().get().detail()).contains("next start");
        model.chooseLanguage(ShellViewModel.SYSTEM_LANGUAGE);
        assertThat(model.languageSetting()).isEqualTo(ShellViewModel.SYSTEM_LANGUAGE);
    }
}
