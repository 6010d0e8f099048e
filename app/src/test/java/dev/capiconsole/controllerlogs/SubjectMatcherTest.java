package dev.capiconsole.controllerlogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectMatcherTest {

    private static final LogLineParser PARSER =
            new LogLineParser(ZoneOffset.UTC, Clock.fixed(Instant.parse("2026-12-01T22:00:00Z"), ZoneOffset.UTC));
    private static final LogSubject MACHINE = new LogSubject("Machine", "default", "web-md-0-x");

    private static LogLine line(String body) {
        return PARSER.parse("m", "I1201 21:00:00.000000 1 a.go:1] " + body);
    }

    @Test
    void theObjectsKeyNamesItExactlyNotAnotherClustersMachineWithALongerOrShorterName() {
        LogLine own = line("\"a\" Machine=\"default/web-md-0-x\"");
        LogLine longer = line("\"b\" Machine=\"default/web-md-0-x-2\"");
        LogLine otherCluster = line("\"c\" Machine=\"default/prefix-web-md-0-x\"");
        LogLine shorter = line("\"d\" Machine=\"default/web-md-0\"");
        LogLine otherNamespace = line("\"e\" Machine=\"other/web-md-0-x\"");
        LogLine inMessageOnly = line("\"Machine default/web-md-0-x created\" KubeadmControlPlane=\"default/web\"");
        LogLine otherKind = line("\"f\" DevMachine=\"default/web-md-0-x\"");

        assertThat(new SubjectMatcher(MACHINE).select(List.of(own, longer, otherCluster, shorter, otherNamespace,
                inMessageOnly, otherKind))).containsExactly(own);
    }

    @Test
    void namespaceAndNameKeysCountWithTheControllersKind() {
        LogLine own = line("\"a\" controllerKind=\"Machine\" namespace=\"default\" name=\"web-md-0-x\"");
        LogLine otherKind = line("\"b\" controllerKind=\"MachineSet\" namespace=\"default\" name=\"web-md-0-x\"");

        assertThat(new SubjectMatcher(MACHINE).select(List.of(own, otherKind))).containsExactly(own);
    }

    @Test
    void theOtherLinesOfTheSameReconcileComeAlongBeforeAndAfterWithinABatch() {
        LogLine before = line("\"Reconcile KubeadmControlPlane\" KubeadmControlPlane=\"default/web\" reconcileID=\"r1\"");
        LogLine naming = line("\"Machine created\" KubeadmControlPlane=\"default/web\" reconcileID=\"r1\" "
                + "Machine=\"default/web-md-0-x\"");
        LogLine after = line("\"Reconciler error\" KubeadmControlPlane=\"default/web\" reconcileID=\"r1\"");
        LogLine otherReconcile = line("\"Reconcile KubeadmControlPlane\" KubeadmControlPlane=\"default/web\" "
                + "reconcileID=\"r2\"");

        assertThat(new SubjectMatcher(MACHINE).select(List.of(before, naming, after, otherReconcile)))
                .containsExactly(before, naming, after);
    }

    @Test
    void aReconcileSeenInOneBatchBringsItsLaterLinesInTheNext() {
        SubjectMatcher matcher = new SubjectMatcher(MACHINE);
        matcher.select(List.of(line("\"a\" Machine=\"default/web-md-0-x\" reconcileID=\"r1\"")));
        LogLine later = line("\"b\" reconcileID=\"r1\"");
        LogLine unrelated = line("\"c\" reconcileID=\"r9\"");

        assertThat(matcher.select(List.of(later, unrelated))).containsExactly(later);
    }

    @Test
    void jsonObjectKeysMatchToo() {
        LogLine json = PARSER.parse("m", "{\"ts\":1,\"msg\":\"x\",\"v\":0,"
                + "\"Machine\":{\"name\":\"web-md-0-x\",\"namespace\":\"default\"}}");
        LogLine other = PARSER.parse("m", "{\"ts\":1,\"msg\":\"x\",\"v\":0,"
                + "\"Machine\":{\"name\":\"web-md-0-x-2\",\"namespace\":\"default\"}}");

        assertThat(new SubjectMatcher(MACHINE).select(List.of(json, other))).containsExactly(json);
    }

    @Test
    void subjectsAreGivenAsKindSlashName() {
        assertThat(LogSubject.parse("KubeadmControlPlane/web-x", "ns"))
                .isEqualTo(new LogSubject("KubeadmControlPlane", "ns", "web-x"));
        assertThatThrownBy(() -> LogSubject.parse("web-x", "ns"))
                .hasMessageContaining("KIND/NAME");
        assertThatThrownBy(() -> LogSubject.parse("Machine/a/b", "ns"))
                .hasMessageContaining("KIND/NAME");
    }
}
