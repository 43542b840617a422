package org.medfund;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.cli.NestedSubcommand;
import org.medfund.cli.bench.RunsOnScratchDatabase;
import picocli.CommandLine.Command;

/**
 * DESIGN.md §3 as executable rules: dependencies between capabilities point one way; a capability is used from
 * outside only through its root package (its API), never through {@code internal} or any other sub-package; no
 * capability uses the adapters ({@code web}, {@code cli}); one adapter package ({@code web.ledger},
 * {@code cli.bench}, …) uses no other, only its shell ({@code org.medfund.web}, {@code org.medfund.cli}). Every rule
 * fails when it matches no class ({@link #everyRuleFailsOnAnEmptyImport}), so a rule about a package that does not
 * exist cannot pass silently, and {@link #rulesCatchAWrongImport} proves each kind of rule fails on a deliberately
 * wrong dependency, naming the class that has it.
 */
class ArchitectureTest {

    private static final List<String> FOUNDATION = List.of("common", "calendar", "registry", "policy", "ledger");

    /**
     * Capability → capabilities it may depend on (besides itself). Only packages that exist are listed
     * ({@link #everyListedCapabilityExists}); pooling joins when it is built.
     */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("common", List.of()),
            Map.entry("calendar", List.of("common")),
            Map.entry("registry", List.of("common")),
            Map.entry("policy", List.of("common", "calendar", "registry")),
            Map.entry("ledger", List.of("common", "calendar", "registry", "policy")),
            Map.entry("claims", FOUNDATION),
            // notices writes documents for everyone above it and knows none of them (DESIGN.md §3).
            Map.entry("notices", FOUNDATION),
            Map.entry("settlement", plus(FOUNDATION, "claims", "notices")),
            Map.entry("prepayment", plus(FOUNDATION, "claims", "settlement", "notices")),
            Map.entry("crossregion", plus(FOUNDATION, "claims", "notices")),
            Map.entry("users", plus(FOUNDATION, "settlement")),
            Map.entry("web", plus(FOUNDATION, "claims", "settlement", "prepayment", "crossregion", "notices", "users")),
            Map.entry("cli", plus(FOUNDATION, "claims", "settlement", "prepayment", "crossregion", "notices", "users")));

    /** Adapters: they use capabilities; nothing but the application class uses them. */
    private static final List<String> ADAPTERS = List.of("web", "cli");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.medfund");

    @Test
    @DisplayName("DESIGN.md §3: each capability depends only on the capabilities below it")
    void capabilitiesDependOneWay() {
        directionRules().forEach(rule -> rule.check(CLASSES));
    }

    @Test
    @DisplayName("DESIGN.md §3: from outside, a capability is reached only through its root package")
    void onlyTheRootPackageIsApi() {
        apiRules().forEach(rule -> rule.check(CLASSES));
    }

    @Test
    @DisplayName("DESIGN.md §3: no capability uses web or cli")
    void noCapabilityUsesAnAdapter() {
        adapterRule().check(CLASSES);
    }

    @Test
    @DisplayName("DESIGN.md §3: web.<cap> and cli.<cap> adapters use only their shell, not each other")
    void adaptersUseOnlyTheirShell() {
        shellRules().forEach(rule -> rule.check(CLASSES));
    }

    @Test
    @DisplayName("every rule fails when it matches no class (no rule passes by being empty)")
    void everyRuleFailsOnAnEmptyImport() {
        JavaClasses none = new ClassFileImporter().importClasses(String.class);
        List<ArchRule> all = new ArrayList<>(directionRules());
        all.addAll(apiRules());
        all.add(adapterRule());
        all.addAll(shellRules());
        all.add(benchRule());
        assertThat(all).hasSizeGreaterThan(ALLOWED.size());
        List<String> passedOnNothing = all.stream()
                .filter(rule -> catchThrowable(() -> rule.check(none)) == null).map(ArchRule::getDescription).toList();
        assertThat(passedOnNothing).as("rules that pass on no classes").isEmpty();
    }

    @Test
    @DisplayName("every class lives in a known capability package")
    void everyClassHasACapability() {
        classes().that().resideInAPackage("org.medfund..")
                .should().resideInAnyPackage(ALLOWED.keySet().stream().map(c -> "org.medfund." + c + "..")
                        .toArray(String[]::new))
                .orShould().haveFullyQualifiedName(MedfundApplication.class.getName())
                .orShould().haveFullyQualifiedName("org.medfund.package-info")
                .because("code belongs to one capability of DESIGN.md §3")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the rules name only packages that exist")
    void everyListedCapabilityExists() {
        ALLOWED.keySet().forEach(capability -> assertThat(CLASSES.containPackage("org.medfund." + capability))
                .as("capability package org.medfund.%s", capability).isTrue());
    }

    @Test
    @DisplayName("each kind of rule fails on a deliberately wrong import and names the class that has it")
    void rulesCatchAWrongImport() {
        JavaClasses wrong = new ClassFileImporter().importClasses(
                org.medfund.calendar.ArchitectureViolation.class, org.medfund.web.MedfundUser.class,
                org.medfund.ledger.internal.InternalFixture.class,
                org.medfund.web.calendar.AdapterViolation.class, org.medfund.web.ledger.AdapterFixture.class,
                org.medfund.cli.bench.CommandViolation.class, org.medfund.cli.ledger.CommandFixture.class);
        // calendar → web breaks the direction and the adapter rule; calendar → ledger.internal breaks the API rule;
        // web.calendar → web.ledger and cli.bench → cli.ledger break the shell rules.
        String calendar = org.medfund.calendar.ArchitectureViolation.class.getName();
        assertCatches(directionRule("calendar", ALLOWED.get("calendar")), wrong, calendar);
        assertCatches(apiRule("ledger"), wrong, calendar);
        assertCatches(adapterRule(), wrong, calendar);
        assertCatches(shellRule("web"), wrong, org.medfund.web.calendar.AdapterViolation.class.getName());
        assertCatches(shellRule("cli"), wrong, org.medfund.cli.bench.CommandViolation.class.getName());
    }

    private static void assertCatches(ArchRule rule, JavaClasses classes, String violator) {
        assertThatThrownBy(() -> rule.check(classes)).as(rule.getDescription()).isInstanceOf(AssertionError.class)
                .hasMessageContaining(violator);
    }

    @Test
    @DisplayName("issue 10: every benchmark runs on a scratch database and never opens the user's")
    void everyBenchmarkRunsOnAScratchDatabase() {
        benchRule().check(CLASSES);
    }

    private static ArchRule benchRule() {
        return classes().that().resideInAPackage("org.medfund.cli.bench").and().areAnnotatedWith(Command.class)
                .and().areAssignableTo(NestedSubcommand.class)
                .should().implement(RunsOnScratchDatabase.class)
                .because("a benchmark writes test data in bulk; the user's data is never touched");
    }

    private static List<ArchRule> directionRules() {
        List<ArchRule> rules = new ArrayList<>();
        ALLOWED.forEach((capability, allowed) -> {
            if (ALLOWED.size() - 1 > allowed.size()) {
                rules.add(directionRule(capability, allowed));
            }
        });
        return rules;
    }

    private static ArchRule directionRule(String capability, List<String> allowed) {
        String[] forbidden = ALLOWED.keySet().stream()
                .filter(other -> !other.equals(capability) && !allowed.contains(other))
                .map(other -> "org.medfund." + other + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage("org.medfund." + capability + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("DESIGN.md §3 lets " + capability + " use only " + allowed);
    }

    /** One adapter package does not use another: what they share lives in the shell (the adapter's root). */
    private static List<ArchRule> shellRules() {
        return ADAPTERS.stream().map(ArchitectureTest::shellRule).toList();
    }

    private static ArchRule shellRule(String adapter) {
        // A slice rule passes on no slices at all, whatever the failOnEmptyShould setting; the second half makes
        // the whole rule fail when there is no adapter sub-package to check.
        String subPackages = "org.medfund." + adapter + ".*..";
        return CompositeArchRule.of(slices().matching("org.medfund." + adapter + ".(*)..").should()
                        .notDependOnEachOther()
                        .because(adapter + ".<capability> packages share only the " + adapter + " shell (DESIGN.md §3)"))
                .and(classes().that().resideInAPackage(subPackages).should().resideInAPackage(subPackages)
                        .because("the " + adapter + " adapter packages exist"));
    }

    /** Outside capability X, nothing depends on a sub-package of X ({@code X.internal} and any other). */
    private static List<ArchRule> apiRules() {
        return ALLOWED.keySet().stream().filter(capability -> !ADAPTERS.contains(capability))
                .map(ArchitectureTest::apiRule).toList();
    }

    private static ArchRule apiRule(String capability) {
        return noClasses()
                .that().resideInAPackage("org.medfund..")
                .and().resideOutsideOfPackage("org.medfund." + capability + "..")
                .should().dependOnClassesThat().resideInAPackage("org.medfund." + capability + ".*..")
                .because(capability + "'s API is its root package; the rest is its own business");
    }

    private static ArchRule adapterRule() {
        return noClasses().that().resideInAnyPackage(ALLOWED.keySet().stream()
                        .filter(c -> !ADAPTERS.contains(c)).map(c -> "org.medfund." + c + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS.stream()
                        .map(a -> "org.medfund." + a + "..").toArray(String[]::new))
                .because("web and cli are adapters on top of the capabilities (DESIGN.md §3)");
    }

    private static List<String> plus(List<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).toList();
    }
}
