package dev.capiconsole.controllerlogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogLineParserTest {

    private static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-01T22:00:00Z"), ZoneOffset.UTC);
    private final LogLineParser utc = new LogLineParser(ZoneOffset.UTC, DECEMBER);

    @Test
    void klogTextGivesLevelTimeMessageAndKeys() {
        LogLine line = utc.parse("capi-controller-manager", "I1201 21:19:00.143084   29624 machine_controller_phases"
                + ".go:215] \"Waiting for bootstrap provider to generate data secret\" controller=\"machine\" "
                + "controllerGroup=\"cluster.x-k8s.io\" controllerKind=\"Machine\" Machine=\"default/web-cp-abc12\" "
                + "reconcileID=\"9106e0c4-aa61\" Cluster=\"default/web\" attempt=3");

        assertThat(line.level()).isEqualTo(LogLevel.INFO);
        assertThat(line.time()).isEqualTo(Instant.parse("2026-12-01T21:19:00.143084Z"));
        assertThat(line.message()).isEqualTo("Waiting for bootstrap provider to generate data secret");
        assertThat(line.keys()).containsEntry("Machine", "default/web-cp-abc12")
                .containsEntry("controllerKind", "Machine").containsEntry("reconcileID", "9106e0c4-aa61")
                .containsEntry("Cluster", "default/web").containsEntry("attempt", "3");
        assertThat(line.printed()).startsWith("capi-controller-manager I1201 21:19:00.143084");
    }

    @Test
    void klogQuotedValuesKeepEscapedQuotesAndSpaces() {
        LogLine line = utc.parse("m", "E1201 21:18:57.359588   29633 cluster_accessor.go:263] \"Connect failed\" "
                + "err=\"error getting kubeconfig secret: Secret \\\"web-kubeconfig\\\" not found\" "
                + "Cluster=\"default/web\" duration=\"201.04ms\"");

        assertThat(line.level()).isEqualTo(LogLevel.ERROR);
        assertThat(line.key("err")).isEqualTo("error getting kubeconfig secret: Secret \"web-kubeconfig\" not found");
        assertThat(line.key("Cluster")).isEqualTo("default/web");
        assertThat(line.key("duration")).isEqualTo("201.04ms");
    }

    @Test
    void klogWarningsStructsAndMultiLineMarkers() {
        LogLine line = utc.parse("m", "W1130 08:00:01.000001       7 x.go:1] \"Odd\" ref={\"a b\":[1,{\"c\":\"}\"}]} "
                + "Machine=\"ns/m\" spec=<");

        assertThat(line.level()).isEqualTo(LogLevel.WARNING);
        assertThat(line.key("ref")).isEqualTo("{\"a b\":[1,{\"c\":\"}\"}]}");
        assertThat(line.key("Machine")).isEqualTo("ns/m");
        assertThat(line.key("spec")).isEqualTo("<");
    }

    @Test
    void aKlogTimeLaterThanTomorrowIsLastYears() {
        Clock january = Clock.fixed(Instant.parse("2027-01-01T00:10:00Z"), ZoneOffset.UTC);
        LogLine line = new LogLineParser(ZoneOffset.UTC, january).parse("m", "I1231 23:59:59.500000 1 a.go:1] \"x\"");

        assertThat(line.time()).isEqualTo(Instant.parse("2026-12-31T23:59:59.500Z"));
    }

    @Test
    void klogTimesAreReadInTheManagersZone() {
        LogLine line = new LogLineParser(ZoneId.of("Asia/Shanghai"), DECEMBER)
                .parse("m", "I1201 08:00:00.000000 1 a.go:1] \"x\"");

        assertThat(line.time()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void unstructuredKlogAndForeignLinesHaveNoKeys() {
        LogLine flag = utc.parse("m", "I1201 21:17:38.732769   28907 main.go:321] FLAG: --kubeconfig=\"/x\"");
        LogLine stack = utc.parse("m", "\tgoroutine 1 [running]:");

        assertThat(flag.message()).isEqualTo("FLAG: --kubeconfig=\"/x\"");
        assertThat(flag.keys()).isEmpty();
        assertThat(stack.keys()).isEmpty();
        assertThat(stack.time()).isNull();
        assertThat(stack.text()).isEqualTo("\tgoroutine 1 [running]:");
    }

    @Test
    void jsonLinesGiveObjectKeysAsNamespaceSlashName() {
        LogLine line = utc.parse("capd", "{\"ts\":1796159940123.456,\"caller\":\"controller/x.go:12\","
                + "\"msg\":\"Reconciling\",\"v\":0,\"controller\":\"machine\",\"controllerKind\":\"Machine\","
                + "\"Machine\":{\"name\":\"web-md-0-x\",\"namespace\":\"default\"},\"reconcileID\":\"r-1\"}");

        assertThat(line.level()).isEqualTo(LogLevel.INFO);
        assertThat(line.time()).isEqualTo(Instant.ofEpochMilli(1796159940123L).plusNanos(456_000));
        assertThat(line.message()).isEqualTo("Reconciling");
        assertThat(line.key("Machine")).isEqualTo("default/web-md-0-x");
        assertThat(line.key("reconcileID")).isEqualTo("r-1");
    }

    @Test
    void jsonErrorsHaveAnErrAndNoVerbosityOrSayTheirLevel() {
        LogLine componentBase = utc.parse("m", "{\"ts\":1796159940.5,\"msg\":\"Reconciler error\",\"err\":\"boom\"}");
        LogLine zap = utc.parse("m", "{\"level\":\"warn\",\"ts\":\"2026-12-01T21:00:00Z\",\"msg\":\"careful\"}");
        LogLine info = utc.parse("m", "{\"ts\":1796159940.5,\"msg\":\"fine\",\"v\":2,\"err\":\"not really\"}");

        assertThat(componentBase.level()).isEqualTo(LogLevel.ERROR);
        assertThat(componentBase.time()).isEqualTo(Instant.ofEpochMilli(1796159940500L));
        assertThat(zap.level()).isEqualTo(LogLevel.WARNING);
        assertThat(zap.time()).isEqualTo(Instant.parse("2026-12-01T21:00:00Z"));
        assertThat(info.level()).isEqualTo(LogLevel.INFO);
    }

    @Test
    void brokenJsonIsKeptAsText() {
        LogLine line = utc.parse("m", "{\"ts\":1,\"msg\":");

        assertThat(line.keys()).isEmpty();
        assertThat(line.text()).isEqualTo("{\"ts\":1,\"msg\":");
    }

    @Test
    void detailsLeaveOutBookkeepingAndTheSubjectAndPutTheErrorFirst() {
        LogLine line = utc.parse("m", "E1201 21:18:58.325759 1 controller.go:494] \"Reconciler error\" "
                + "Cluster=\"default/web\" err=\"no REST config\" controller=\"kubeadmcontrolplane\" "
                + "controllerKind=\"KubeadmControlPlane\" KubeadmControlPlane=\"default/web-cp\" reconcileID=\"r\" "
                + "Machine=\"default/web-cp-1\"");

        assertThat(line.details("KubeadmControlPlane"))
                .isEqualTo("err=no REST config Cluster=default/web Machine=default/web-cp-1");
    }
}
