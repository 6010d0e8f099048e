package dev.capiconsole.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.providers.ProviderType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {

    @Test
    void everyRuleHasItsOwnIdATitleAndTheKindsItReads() {
        assertThat(Rules.ALL).extracting(Rule::id).doesNotHaveDuplicates().hasSize(14);
        assertThat(Rules.ALL).allSatisfy(rule -> {
            assertThat(rule.id()).matches("[a-z-]+");
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.kinds()).isNotEmpty();
        });
    }

    @Test
    void errorsComeFirstAndTheProvidersProblemsStayWhenFilteringByCluster() {
        ManagementObjects objects = Fixtures.objects(Fixtures.cluster("spec: {paused: true}\n"),
                Fixtures.cluster("spec: {paused: true}\n").replace("name: c1", "name: c2"),
                Fixtures.machine("m1", "").replace("  labels:", "  deletionTimestamp: \"2026-12-01T11:00:00Z\"\n"
                        + "  finalizers: [x]\n  labels:"))
                .provider(new InstalledProvider("capi-system", "cluster-api", "cluster-api",
                        ProviderType.CORE, "v1.14.0"));

        List<Problem> all = Rules.evaluate(objects, ProblemOptions.defaults());

        assertThat(all).extracting(Problem::ruleId).containsExactly("provider-not-available", "deletion-stuck",
                "cluster-paused", "cluster-paused");
        assertThat(Rules.ofCluster(all, "c2")).extracting(Problem::object)
                .containsExactly("Provider capi-system/cluster-api", "Cluster ns/c2");
    }
}
