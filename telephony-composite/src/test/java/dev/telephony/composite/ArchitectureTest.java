package dev.telephony.composite;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The composite knows providers only through the api: it imports no provider, no shared plumbing, no testkit. */
class ArchitectureTest {
    @Test
    void dependsOnTheApiAlone() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.telephony.signalwire..", "dev.telephony.compat..",
                        "dev.telephony.azure..", "dev.telephony.alianza..", "dev.telephony.http..", "dev.telephony.testkit..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.telephony.composite"));
    }
}
