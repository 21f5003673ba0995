package dev.telephony.testkit.memory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The in-memory provider, its carrier, clock and demo use none of the testkit's optional libraries, so
 * an application test on any framework can use them with {@code telephony-testkit} alone on its class path.
 */
class InMemoryNeedsNoTestLibrariesTest {
    private static final JavaClasses TESTKIT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.telephony.testkit");

    @Test
    void theInMemoryProviderNeedsNeitherJUnitNorAssertJNorWireMockNorJackson() {
        noClasses().that().resideInAnyPackage("dev.telephony.testkit.memory..", "dev.telephony.testkit.carrier..",
                        "dev.telephony.testkit.time..", "dev.telephony.testkit.demo..")
                .and().doNotHaveSimpleName("InMemoryHarness")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.assertj..", "com.github.tomakehurst..",
                        "wiremock..", "org.wiremock..", "com.fasterxml..", "ch.qos.logback..")
                .because("telephony-testkit's only non-optional dependencies are telephony-api and SLF4J")
                .check(TESTKIT);
    }
}
