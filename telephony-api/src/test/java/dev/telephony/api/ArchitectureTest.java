package dev.telephony.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: the api knows no provider and no HTTP or JSON library. */
class ArchitectureTest {
    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.telephony.api");

    @Test
    void apiDependsOnNoProviderAndNoHttpOrJsonLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.telephony.signalwire..", "dev.telephony.compat..", "dev.telephony.azure..",
                        "dev.telephony.alianza..", "dev.telephony.testkit..", "dev.telephony.http..",
                        "org.apache.hc..", "org.apache.http..", "com.fasterxml..", "tools.jackson..", "com.google.gson..",
                        "com.azure..", "okhttp3..", "java.net.http..", "com.github.tomakehurst..", "org.wiremock..",
                        "org.junit..")
                .check(API);
    }

    @Test
    void apiUsesOnlyTheJdkSlf4jAndLibphonenumber() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.telephony.api..", "java..", "javax.annotation..", "org.slf4j..", "com.google.i18n.phonenumbers..")
                .check(API);
    }
}
