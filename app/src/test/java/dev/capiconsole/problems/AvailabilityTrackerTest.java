package dev.capiconsole.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.topology.CapiObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTrackerTest {

    private static CapiObject cluster(String name, String available) {
        return CapiObject.typed(Fixtures.yaml("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Cluster
                metadata: {name: %s, namespace: ns}
                status:
                  conditions:
                  - {type: Available, status: "%s", reason: R, message: "because"}
                """.formatted(name, available)));
    }

    @Test
    void theFirstReadingOnlyRemembersAndAChangedStatusIsReportedOnce() {
        AvailabilityTracker tracker = new AvailabilityTracker();

        assertThat(tracker.update(List.of(cluster("a", "True"), cluster("b", "False")))).isEmpty();
        assertThat(tracker.update(List.of(cluster("a", "False"), cluster("b", "False"))))
                .containsExactly(new AvailabilityChange("ns", "a", "True", "False", "because"));
        assertThat(tracker.update(List.of(cluster("a", "False"), cluster("b", "False")))).isEmpty();
    }

    @Test
    void clustersThatAppearOrVanishAreNoChangeAndResetStartsOver() {
        AvailabilityTracker tracker = new AvailabilityTracker();
        tracker.update(List.of(cluster("a", "True")));

        assertThat(tracker.update(List.of(cluster("b", "False")))).isEmpty();
        tracker.reset();
        assertThat(tracker.update(List.of(cluster("b", "True")))).isEmpty();
        assertThat(tracker.update(List.of(cluster("b", "Unknown")))).extracting(AvailabilityChange::to)
                .containsExactly("Unknown");
    }
}
