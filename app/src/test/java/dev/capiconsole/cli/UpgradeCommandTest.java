package dev.capiconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpgradeCommandTest {

    @Test
    void upgradeHasPlanApplyAndTheClusterUpgradeAsSubcommands() {
        CliRunner.Result help = CliRunner.run("upgrade", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("plan").contains("apply").contains("cluster");
        assertThat(CliRunner.run("upgrade", "cluster", "--help").out()).contains("--kubernetes-version");
    }

    @Test
    void aClusterNameDirectlyAfterUpgradeIsNoLongerACommand() {
        CliRunner.Result old = CliRunner.run("upgrade", "my-cluster", "--kubernetes-version", "v1.37.0");
        assertThat(old.exitCode()).isEqualTo(2);
        assertThat(old.err()).contains("Unmatched argument");
    }

    @Test
    void applyNeedsEitherAContractOrProvidersButNotBoth() {
        CliRunner.Result neither = CliRunner.run("upgrade", "apply");
        assertThat(neither.exitCode()).isEqualTo(1);
        assertThat(neither.err()).contains("Either the --contract flag or at least one of the following flags");
        CliRunner.Result both = CliRunner.run("upgrade", "apply", "--contract", "v1beta2", "--core",
                "cluster-api:v1.14.2");
        assertThat(both.err()).contains("The --contract flag can't be used in combination with --core");
    }
}
