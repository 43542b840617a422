package org.medfund;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §3: dependencies between capabilities point one way. Each capability lists the capabilities it may use
 * (its sub-packages included); everything else is forbidden. Nothing but the application class uses web or cli.
 */
class ArchitectureTest {

    private static final List<String> FOUNDATION = List.of("common", "calendar", "registry", "policy", "ledger");

    /** capability → capabilities it may depend on (besides itself). */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("common", List.of()),
            Map.entry("calendar", List.of("common")),
            Map.entry("registry", List.of("common")),
            Map.entry("policy", List.of("common", "calendar", "registry")),
            Map.entry("ledger", List.of("common", "calendar", "registry", "policy")),
            Map.entry("claims", FOUNDATION),
            Map.entry("settlement", plus(FOUNDATION, "claims")),
            Map.entry("prepayment", plus(FOUNDATION, "claims", "settlement")),
            Map.entry("crossregion", plus(FOUNDATION, "claims")),
            Map.entry("pooling", plus(FOUNDATION, "claims", "settlement")),
            Map.entry("notices", plus(FOUNDATION, "claims", "settlement", "prepayment", "crossregion", "pooling")),
            Map.entry("web", plus(FOUNDATION, "claims", "settlement", "prepayment", "crossregion", "pooling",
                    "notices")),
            Map.entry("cli", plus(FOUNDATION, "claims", "settlement", "prepayment", "crossregion", "pooling",
                    "notices", "web")));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.medfund");

    @Test
    @DisplayName("DESIGN.md §3: each capability depends only on the capabilities below it")
    void capabilitiesDependOneWay() {
        ALLOWED.forEach((capability, allowed) -> {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(other -> !other.equals(capability) && !allowed.contains(other))
                    .map(other -> "org.medfund." + other + "..")
                    .toArray(String[]::new);
            if (forbidden.length > 0) {
                noClasses().that().resideInAPackage("org.medfund." + capability + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .because("DESIGN.md §3 lets " + capability + " use only " + allowed)
                        .allowEmptyShould(true)
                        .check(CLASSES);
            }
        });
    }

    @Test
    @DisplayName("every class lives in a known capability package")
    void everyClassHasACapability() {
        classes().that().resideInAPackage("org.medfund..")
                .should().resideInAnyPackage(ALLOWED.keySet().stream().map(c -> "org.medfund." + c + "..")
                        .toArray(String[]::new))
                .orShould().haveFullyQualifiedName(MedfundApplication.class.getName())
                .because("code belongs to one capability of DESIGN.md §3")
                .check(CLASSES);
    }

    private static List<String> plus(List<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).toList();
    }
}
