package dev.capiconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The package rules of app/docs/design.md ("Packages and what each may import"), checked on the compiled code. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.capiconsole");

    /** The feature packages of the window; only {@code ui.shell} wires them together. */
    static final List<String> UI_FEATURES = List.of(
            "clusters", "generate", "workloads", "install", "kind", "lab", "providers", "resourcesets", "problems",
            "clusterclasses");

    @Test
    void onlyUiDependsOnJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.capiconsole.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "atlantafx..", "org.kordamp.ikonli.javafx..", "org.testfx..")
                .because("only the ui package may import JavaFX (design.md)")
                .check(PRODUCTION);
    }

    @Test
    void logicDoesNotDependOnUiOrCli() {
        noClasses().that().resideOutsideOfPackages("dev.capiconsole.ui..", "dev.capiconsole.cli..")
                .and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("dev.capiconsole.ui..", "dev.capiconsole.cli..")
                .because("views and commands are thin layers over the logic packages")
                .check(PRODUCTION);
    }

    @Test
    void uiFeaturesDoNotReachIntoEachOther() {
        for (String feature : UI_FEATURES) {
            String[] others = UI_FEATURES.stream().filter(other -> !other.equals(feature))
                    .map(other -> "dev.capiconsole.ui." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.capiconsole.ui." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage("dev.capiconsole.ui.shell..")
                    .because("a feature of the window talks to others only through the shell's wiring (design.md)")
                    .check(PRODUCTION);
        }
    }

    @Test
    void commonControlsKnowNoFeature() {
        noClasses().that().resideInAPackage("dev.capiconsole.ui.common..")
                .should().dependOnClassesThat().resideInAnyPackage(UI_FEATURES.stream()
                        .map(feature -> "dev.capiconsole.ui." + feature + "..").toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAPackage("dev.capiconsole.ui.shell..")
                .because("shared controls serve every feature and depend on none")
                .check(PRODUCTION);
    }

    @Test
    void uiHasNoRawThreads() {
        noClasses().that().resideInAPackage("dev.capiconsole.ui..")
                .and().resideOutsideOfPackage("dev.capiconsole.ui.common..")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .because("background work in the window goes through ui.common.TaskExecutor (design.md)")
                .check(PRODUCTION);
    }

    @Test
    void theUpgradePlannerBuildsOnTheModelAndTheOperationsOnly() {
        noClasses().that().resideInAPackage("dev.capiconsole.upgradeplan..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.capiconsole.live..",
                        "dev.capiconsole.install..", "dev.capiconsole.workload..", "dev.capiconsole.problems..",
                        "dev.capiconsole.events..", "dev.capiconsole.diagram..")
                .because("the upgrade planner may import topology, clusterclass, operations and templates (design.md)")
                .check(PRODUCTION);
    }

    @Test
    void theRulesSeeTheWholeCodeBase() {
        // Guards the rules above against passing vacuously on an empty import.
        assertThat(PRODUCTION.containPackage("dev.capiconsole.providers")).isTrue();
        assertThat(PRODUCTION.containPackage("dev.capiconsole.ui.shell")).isTrue();
        assertThat(PRODUCTION.containPackage("dev.capiconsole.ui.common")).isTrue();
        UI_FEATURES.forEach(feature -> assertThat(PRODUCTION.containPackage("dev.capiconsole.ui." + feature))
                .as(feature).isTrue());
    }
}
