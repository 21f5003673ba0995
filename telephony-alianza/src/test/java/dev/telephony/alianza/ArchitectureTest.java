package dev.telephony.alianza;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** A provider imports the api and the shared plumbing, never another provider or the testkit. */
class ArchitectureTest {
    @Test
    void dependsOnNoOtherProvider() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.telephony.signalwire..", "dev.telephony.compat..",
                        "dev.telephony.azure..", "dev.telephony.testkit..", "com.github.tomakehurst..", "org.wiremock..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.telephony.alianza"));
    }
}
