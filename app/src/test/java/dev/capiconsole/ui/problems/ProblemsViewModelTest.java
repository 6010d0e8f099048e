package dev.capiconsole.ui.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.problems.AvailabilityChange;
import dev.capiconsole.problems.Problem;
import dev.capiconsole.problems.Severity;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.ui.common.Notice;
import dev.capiconsole.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemsViewModelTest {

    private static final Problem PAUSED = new Problem("cluster-paused", Severity.WARNING, "Cluster is paused", null,
            "Cluster", "team-a", "c1", "c1", "spec.paused=true", "capi-console resume c1 -n team-a");
    private static final Problem MISSING = new Problem("missing-reference", Severity.ERROR, "References a template",
            null, "MachineDeployment", "team-b", "md", "c2", "spec.template.spec.infrastructureRef", "kubectl get");
    private static final Problem PROVIDER = new Problem("provider-not-available", Severity.ERROR, "Controller down",
            null, "Deployment", "capi-system", "capi-controller-manager", "", "Available=False", "kubectl logs");
    private static final AvailabilityChange DOWN = new AvailabilityChange("team-a", "c1", "True", "False",
            "control plane not available");

    @TempDir
    Path folder;

    private final List<String> sent = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    private final List<String> revealed = new ArrayList<>();

    private ProblemsViewModel model(boolean desktopWorks) {
        return new ProblemsViewModel(new SimpleObjectProperty<ManagementCluster>(), TaskExecutor.sameThread(),
                Settings.load(folder), (namespace, name) -> revealed.add(namespace + "/" + name), notices::add,
                (title, body) -> {
                    sent.add(title + " | " + body);
                    return desktopWorks;
                });
    }

    @Test
    void aReadAskedForDuringAReadWaitsFourTimesThatReadsTimeAtMostThirtySeconds() {
        assertThat(ProblemsViewModel.pauseAfter(TimeUnit.MILLISECONDS.toNanos(250)))
                .isEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(ProblemsViewModel.pauseAfter(TimeUnit.SECONDS.toNanos(20))).isEqualTo(TimeUnit.SECONDS.toNanos(30));
    }

    @Test
    void problemsAreCountedFilteredAndTheSelectedOnesClusterIsRevealed() {
        ProblemsViewModel model = model(true);
        model.show(new ProblemsViewModel.Evaluation(List.of(MISSING, PROVIDER, PAUSED), List.of(), List.of()));

        assertThat(model.countProperty().get()).isEqualTo(3);
        assertThat(model.namespaces()).containsExactly("capi-system", "team-a", "team-b");
        assertThat(model.clusters()).containsExactly("c1", "c2");
        model.clusterProperty().set("c2");
        assertThat(model.shown()).containsExactly(MISSING);
        model.clusterProperty().set("");
        model.textProperty().set("PAUSED");
        assertThat(model.shown()).containsExactly(PAUSED);

        model.selectedProperty().set(PAUSED);
        model.showInClusters();
        model.selectedProperty().set(PROVIDER);
        model.showInClusters();
        assertThat(revealed).containsExactly("team-a/c1");
    }

    @Test
    void availabilityChangesNotifyOnlyWhenTurnedOnAndTheSettingIsRemembered() {
        ProblemsViewModel model = model(true);
        model.show(new ProblemsViewModel.Evaluation(List.of(), List.of(), List.of(DOWN)));
        assertThat(sent).isEmpty();

        model.notifyProperty().set(true);
        model.show(new ProblemsViewModel.Evaluation(List.of(), List.of(), List.of(DOWN)));

        assertThat(sent).containsExactly("Cluster team-a/c1 is Available=False | Available changed from True to False. "
                + "control plane not available");
        assertThat(notices).isEmpty();
        assertThat(Settings.load(folder).get(ProblemsViewModel.NOTIFY_KEY)).contains("true");
        assertThat(model(true).notifyProperty().get()).as("read back at the next start").isTrue();
    }

    @Test
    void withoutNotifySendTheChangeGoesToTheNoticeBanner() {
        ProblemsViewModel model = model(false);
        model.notifyProperty().set(true);
        model.show(new ProblemsViewModel.Evaluation(List.of(), List.of(), List.of(DOWN)));

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.WARNING);
            assertThat(n.title()).isEqualTo("Cluster team-a/c1 is Available=False");
        });
    }
}
