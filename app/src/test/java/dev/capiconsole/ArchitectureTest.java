package dev.capiconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only the ui package may know JavaFX: logic stays testable and usable from the headless CLI. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.capiconsole");

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
    void theRuleSeesTheWholeCodeBase() {
        // Guards the rules above against passing vacuously on an empty import.
        org.assertj.core.api.Assertions.assertThat(PRODUCTION.containPackage("dev.capiconsole.ui")).isTrue();
        org.assertj.core.api.Assertions.assertThat(PRODUCTION.containPackage("dev.capiconsole.providers")).isTrue();
    }
}
