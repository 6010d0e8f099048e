package dev.capiconsole.security;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The console's compiled classes (both modules), imported once per test JVM: the import takes many seconds. */
final class ProductionClasses {

    private ProductionClasses() {
    }

    static JavaClasses all() {
        return Holder.CLASSES;
    }

    private static final class Holder {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.capiconsole");
    }
}
