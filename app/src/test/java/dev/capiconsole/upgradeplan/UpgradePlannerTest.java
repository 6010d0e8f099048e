package dev.capiconsole.upgradeplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.operations.OperationRefused;
import dev.capiconsole.templates.Semver;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class UpgradePlannerTest {

    private static final List<String> THREE_MINORS = List.of("v1.34.0", "v1.35.0", "v1.36.0");

    private static WorkerGroup md(String name, String version) {
        return new WorkerGroup(PlanStep.Target.MACHINE_DEPLOYMENT, name, version, false, false);
    }

    private static PlanStep mdStep(String name, String version, PlanStep.Hold hold) {
        return new PlanStep(PlanStep.Target.MACHINE_DEPLOYMENT, name, version, hold);
    }

    @Test
    void theControlPlaneGoesThroughEveryMinorAndTheWorkersOnlyToTheTarget() {
        UpgradePlan plan = UpgradePlanner.plan(THREE_MINORS, "v1.36.0", "v1.34.0",
                List.of(md("md-0", "v1.34.0"), md("md-1", "v1.34.0")));

        assertThat(plan.controlPlaneVersions()).containsExactly("v1.35.0", "v1.36.0");
        assertThat(plan.workerVersions()).containsExactly("v1.36.0");
        assertThat(plan.steps()).containsExactly(PlanStep.controlPlane("v1.35.0"), PlanStep.controlPlane("v1.36.0"),
                mdStep("md-0", "v1.36.0", PlanStep.Hold.NONE), mdStep("md-1", "v1.36.0", PlanStep.Hold.NONE));
    }

    @Test
    void theLatestPatchOfEachMinorIsTakenAndPatchesOfTheCurrentMinorAreSkipped() {
        List<String> versions = List.of("v1.34.0", "v1.34.2", "v1.35.0", "v1.35.3", "v1.36.0", "v1.36.1");

        assertThat(UpgradePlanner.plan(versions, "v1.36.0", "v1.34.0", List.of()).controlPlaneVersions())
                .containsExactly("v1.35.3", "v1.36.0");
        assertThat(UpgradePlanner.plan(versions, "v1.36.1", "v1.34.0", List.of()).controlPlaneVersions())
                .containsExactly("v1.35.3", "v1.36.1");
        assertThat(UpgradePlanner.plan(versions, "v1.34.2", "v1.34.0", List.of(md("md-0", "v1.34.0")))
                .steps()).containsExactly(PlanStep.controlPlane("v1.34.2"), mdStep("md-0", "v1.34.2",
                PlanStep.Hold.NONE));
    }

    @Test
    void workersStopEveryThirdMinorForTheSkewPolicy() {
        List<String> versions = new ArrayList<>();
        for (int minor = 30; minor <= 37; minor++) {
            versions.add("v1." + minor + ".0");
        }
        UpgradePlan plan = UpgradePlanner.plan(versions, "v1.37.0", "v1.30.0", List.of(md("md-0", "v1.30.0")));

        assertThat(plan.controlPlaneVersions()).hasSize(7);
        assertThat(plan.workerVersions()).containsExactly("v1.33.0", "v1.36.0", "v1.37.0");
        assertThat(plan.steps()).extracting(s -> s.what() + " " + s.version()).containsSubsequence(
                "control plane v1.33.0", "MachineDeployment md-0 v1.33.0", "control plane v1.34.0");
    }

    @Test
    void workersBehindAControlPlaneThatIsAlreadyThereGoFirst() {
        UpgradePlan plan = UpgradePlanner.plan(THREE_MINORS, "v1.36.0", "v1.36.0", List.of(md("md-0", "v1.34.0"),
                md("md-1", "v1.36.0")));

        assertThat(plan.controlPlaneVersions()).isEmpty();
        assertThat(plan.steps()).containsExactly(mdStep("md-0", "v1.36.0", PlanStep.Hold.NONE));
    }

    @Test
    void deferAndHoldAnnotationsAreHonouredInTheTopologysOrder() {
        List<WorkerGroup> workers = List.of(md("md-0", "v1.35.0"),
                new WorkerGroup(PlanStep.Target.MACHINE_DEPLOYMENT, "md-1", "v1.35.0", true, false),
                new WorkerGroup(PlanStep.Target.MACHINE_DEPLOYMENT, "md-2", "v1.35.0", false, true),
                md("md-3", "v1.35.0"),
                new WorkerGroup(PlanStep.Target.MACHINE_POOL, "mp-0", "v1.35.0", false, false));

        assertThat(UpgradePlanner.plan(THREE_MINORS, "v1.36.0", "v1.35.0", workers).steps()).extracting(
                s -> s.name() + ":" + s.hold()).containsExactly(":NONE", "md-0:NONE", "md-1:DEFERRED", "md-2:HELD",
                "md-3:HELD", "mp-0:NONE");
    }

    @Test
    void withoutClassVersionsOnlyTheNextMinorAndTargetsOutsideTheClassAreRefused() {
        assertThat(UpgradePlanner.plan(List.of(), "v1.35.0", "v1.34.0", List.of()).controlPlaneVersions())
                .containsExactly("v1.35.0");
        assertThatThrownBy(() -> UpgradePlanner.plan(List.of(), "v1.36.0", "v1.34.0", List.of()))
                .isInstanceOf(OperationRefused.class).hasMessageContaining("one minor version at a time");
        assertThatThrownBy(() -> UpgradePlanner.plan(THREE_MINORS, "v1.36.2", "v1.34.0", List.of()))
                .hasMessageContaining("not one of the ClusterClass's Kubernetes versions");
        assertThatThrownBy(() -> UpgradePlanner.plan(List.of("v1.34.0", "v1.36.0"), "v1.36.0", "v1.34.0", List.of()))
                .hasMessageContaining("no version of minor 35");
        assertThatThrownBy(() -> UpgradePlanner.plan(THREE_MINORS, "v1.34.0", "v1.35.0", List.of()))
                .hasMessageContaining("cannot be decreased");
    }

    /**
     * Random classes, control planes and workers: the plans keep the rules Cluster API's
     * {@code DefaultAndValidateUpgradePlans} checks, and the steps keep the order the topology controller follows.
     */
    @Property(tries = 500)
    void plansKeepClusterApisRules(@ForAll long seed) {
        Random random = new Random(seed);
        List<String> versions = new ArrayList<>();
        int firstMinor = 20 + random.nextInt(10);
        int minors = 2 + random.nextInt(9);
        for (int minor = firstMinor; minor < firstMinor + minors; minor++) {
            int patches = 1 + random.nextInt(3);
            for (int patch = 0; patch < patches; patch++) {
                versions.add("v1." + minor + "." + patch * (1 + random.nextInt(3)));
            }
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(versions).stream()
                .sorted((a, b) -> semver(a).compareTo(semver(b))).toList());
        int from = random.nextInt(sorted.size() - 1);
        String controlPlane = sorted.get(from);
        String target = sorted.get(from + 1 + random.nextInt(sorted.size() - from - 1));
        List<WorkerGroup> workers = new ArrayList<>();
        int groups = random.nextInt(4);
        for (int i = 0; i < groups; i++) {
            int back = random.nextInt(Math.min(from, 3) + 1);
            String version = sorted.stream().filter(v -> semver(v).minor() == semver(controlPlane).minor() - back)
                    .findFirst().orElse(controlPlane);
            workers.add(new WorkerGroup(PlanStep.Target.MACHINE_DEPLOYMENT, "md-" + i, version,
                    random.nextInt(5) == 0, random.nextInt(8) == 0));
        }

        UpgradePlan plan = UpgradePlanner.plan(sorted, target, controlPlane, workers);

        String what = sorted + " " + controlPlane + " -> " + target + " " + workers;
        Semver previous = semver(controlPlane);
        for (String version : plan.controlPlaneVersions()) {
            assertThat(sorted).as(what).contains(version);
            assertThat(semver(version).compareTo(previous)).as(what).isPositive();
            assertThat(semver(version).minor() - previous.minor()).as(what).isBetween(0L, 1L);
            previous = semver(version);
        }
        assertThat(plan.controlPlaneVersions()).as(what).last().isEqualTo(target);
        Set<String> allowed = new TreeSet<>(plan.controlPlaneVersions());
        allowed.add(controlPlane);
        if (!workers.isEmpty()) {
            Semver worker = semver(UpgradePlanner.minWorkersVersion(workers).orElseThrow());
            for (String version : plan.workerVersions()) {
                assertThat(allowed).as(what).contains(version);
                assertThat(semver(version).minor() - worker.minor()).as(what).isLessThanOrEqualTo(3);
                worker = semver(version);
            }
            assertThat(plan.workerVersions()).as(what).last().isEqualTo(target);
        }
        List<PlanStep> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            if (step.target() != PlanStep.Target.CONTROL_PLANE) {
                String version = step.version();
                boolean controlPlaneThereFirst = version.equals(controlPlane)
                        || steps.subList(0, i).contains(PlanStep.controlPlane(version));
                assertThat(controlPlaneThereFirst).as(what + " " + step).isTrue();
            }
        }
    }

    private static Semver semver(String version) {
        return Semver.tryParse(version).orElseThrow();
    }
}
