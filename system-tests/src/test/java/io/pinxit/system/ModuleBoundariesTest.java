package io.pinxit.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Services depend on libraries, never on each other; libraries never depend on services. Checked twice: in the
 * Maven dependencies of every module, and in the compiled classes.
 */
class ModuleBoundariesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("gateway-service", "generation-service", "style-service",
            "gallery-service");
    private static final List<String> SERVICE_PACKAGES = List.of("io.pinxit.gateway..", "io.pinxit.generation..",
            "io.pinxit.style..", "io.pinxit.gallery..");
    private static final List<String> LIBRARY_PACKAGES = List.of("io.pinxit.contracts..", "io.pinxit.problem..",
            "io.pinxit.storage..", "io.pinxit.catalog..", "io.pinxit.inference..", "io.pinxit.registry..",
            "io.pinxit.infra..", "io.pinxit.jobevents..", "io.pinxit.recording..", "io.pinxit.delivery..");
    /**
     * Modules that test the packaged suite (deploy builds its images and boots them): they name the services only to
     * have them built first.
     */
    private static final List<Path> SUITE_TESTS = List.of(ROOT.resolve("system-tests"),
            ROOT.resolve("reliability-tests"), ROOT.resolve("deploy"));

    private static JavaClasses classes;

    @BeforeAll
    static void importAllModules() throws IOException {
        try (Stream<Path> folders = Files.find(ROOT, 4, (path, attributes) -> attributes.isDirectory()
                && path.endsWith(Path.of("target", "classes")))) {
            classes = new ClassFileImporter().importPaths(folders.toList());
        }
    }

    @Test
    void noServiceUsesTheCodeOfAnotherService() {
        for (String service : SERVICE_PACKAGES) {
            String[] others = SERVICE_PACKAGES.stream().filter(other -> !other.equals(service)).toArray(String[]::new);
            noClasses().that().resideInAPackage(service)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void noLibraryUsesTheCodeOfAService() {
        noClasses().that().resideInAnyPackage(LIBRARY_PACKAGES.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE_PACKAGES.toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAnyPackage("io.pinxit.launcher..", "io.pinxit.training..")
                .check(classes);
    }

    @Test
    void theClientKnowsTheServicesOnlyThroughTheirHttpApis() {
        List<String> others = new ArrayList<>(SERVICE_PACKAGES);
        others.addAll(LIBRARY_PACKAGES);
        others.addAll(List.of("io.pinxit.launcher..", "io.pinxit.training.."));
        noClasses().that().resideInAPackage("io.pinxit.client..")
                .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .check(classes);
    }

    @Test
    void everyServiceModuleWasImported() {
        for (String service : SERVICE_PACKAGES) {
            String packageName = service.substring(0, service.length() - 2);
            assertThat(classes.containPackage(packageName)).as(packageName).isTrue();
        }
    }

    @Test
    void noModuleDeclaresADependencyOnAService() throws Exception {
        try (Stream<Path> poms = Files.find(ROOT, 3, (path, attributes) -> path.endsWith("pom.xml")
                && SUITE_TESTS.stream().noneMatch(path::startsWith) && !path.toString().contains("target"))) {
            for (Path pom : poms.toList()) {
                assertThat(dependencies(pom)).as("dependencies of %s", ROOT.relativize(pom))
                        .doesNotContainAnyElementsOf(SERVICES);
            }
        }
    }

    private static List<String> dependencies(Path pom) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        var nodes = document.getElementsByTagName("dependency");
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> ((Element) nodes.item(i)).getElementsByTagName("artifactId").item(0).getTextContent())
                .toList();
    }
}
