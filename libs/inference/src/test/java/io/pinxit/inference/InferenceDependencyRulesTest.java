package io.pinxit.inference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.pinxit.inference", importOptions = ImportOption.DoNotIncludeTests.class)
class InferenceDependencyRulesTest {

    @ArchTest
    static final ArchRule theRuntimeKnowsNothingOfServicesOrQuarkus = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "io.smallrye..")
            .orShould().dependOnClassesThat().resideOutsideOfPackages(
                    "io.pinxit.inference..", "io.pinxit.contracts..", "ai.djl..", "com.fasterxml.jackson..",
                    "org.slf4j..", "java..", "javax.imageio..");

    @ArchTest
    static final ArchRule theNetworkDefinitionDoesNotReachBackIntoTheLoader = noClasses()
            .that().resideInAPackage("io.pinxit.inference.gan..")
            .should().dependOnClassesThat().resideInAPackage("io.pinxit.inference");

    @ArchTest
    static final ArchRule upscalersAndEmbeddersAreBuiltOnlyByTheLoader = noClasses()
            .that().resideInAnyPackage("io.pinxit.inference.upscale..", "io.pinxit.inference.features..")
            .should().dependOnClassesThat().resideInAPackage("io.pinxit.inference");

    @ArchTest
    static final ArchRule theTfjsReaderDoesNotReachIntoTheLoaderOrWhatIsBuiltOnIt = noClasses()
            .that().resideInAPackage("io.pinxit.inference.tfjs..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.pinxit.inference", "io.pinxit.inference.gan..", "io.pinxit.inference.upscale..",
                    "io.pinxit.inference.features..");
}
