package org.certfree.proofs;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.certfree.proofs.common.ControllableClock;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The layout of STYLE.md, stated so that a change breaking it fails the build: {@code common} imports
 * nothing of ours, {@code system} only {@code common}, features depend on each other one way only (in
 * the order of {@link #FEATURES}) and never on each other's entities or resources, nothing depends on
 * {@code demo}, and no bean injects itself through a cycle. {@link ArchitectureRulesCatchTest} shows
 * each rule failing on a class made to break it.
 */
class ArchitectureTest {

    static final String ROOT = "org.certfree.proofs";

    /**
     * The features from the bottom up: each may use the features before it, never one after it
     * (department and calendar know nobody; verification may use everyone below).
     */
    static final List<String> FEATURES = List.of("department", "calendar", "catalog", "keys", "publication", "consent",
            "proof", "ofd", "verification", "copy", "commitment", "dispute", "audit", "stats", "supervision");

    /** Which features each feature may use (its dependencies, a subset of the ones below it). */
    static final Map<String, List<String>> USES = Map.ofEntries(
            Map.entry("department", List.of()),
            Map.entry("calendar", List.of()),
            Map.entry("catalog", List.of("department")),
            Map.entry("keys", List.of("department")),
            Map.entry("publication", List.of("department", "catalog", "keys")),
            Map.entry("consent", List.of("department", "publication")),
            Map.entry("proof", List.of("department", "calendar", "catalog", "keys", "publication", "consent")),
            Map.entry("ofd", List.of("department", "keys", "proof")),
            Map.entry("verification", List.of("department", "keys", "publication", "consent", "proof", "ofd")),
            Map.entry("copy", List.of("department", "keys", "consent", "proof", "ofd", "verification")),
            Map.entry("commitment", List.of("department", "calendar", "catalog", "publication", "consent", "proof")),
            Map.entry("dispute", List.of("department", "calendar", "keys", "proof", "verification")),
            Map.entry("audit", List.of("department", "keys", "proof", "verification")),
            Map.entry("stats", List.of("department", "publication", "proof", "verification", "commitment")),
            Map.entry("supervision", List.of("department", "catalog", "publication")));

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    static ArchRule commonImportsNothingOfOurs() {
        return noClasses().that().resideInAPackage(ROOT + ".common..")
                .should().dependOnClassesThat().resideInAnyPackage(packagesBut("common"))
                .because("common is the ground floor (STYLE.md, Layout)");
    }

    static ArchRule systemImportsOnlyCommon() {
        return noClasses().that().resideInAPackage(ROOT + ".system..")
                .should().dependOnClassesThat().resideInAnyPackage(packagesBut("system", "common"))
                .because("system is cross-cutting: features use it, it uses no feature");
    }

    static ArchRule nothingImportsDemo() {
        return noClasses().that().resideOutsideOfPackage(ROOT + ".demo..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".demo..")
                .because("demo is the top floor");
    }

    static ArchRule featuresOneWay() {
        var layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("common").definedBy(ROOT + ".common..")
                .layer("system").definedBy(ROOT + ".system..")
                .layer("demo").definedBy(ROOT + ".demo..");
        for (String feature : FEATURES) {
            layers = layers.layer(feature).definedBy(ROOT + "." + feature + "..");
        }
        layers = layers.whereLayer("demo").mayNotBeAccessedByAnyLayer();
        for (String feature : FEATURES) {
            List<String> users = new ArrayList<>(List.of("demo"));
            USES.forEach((user, used) -> {
                if (used.contains(feature)) {
                    users.add(user);
                }
            });
            layers = layers.whereLayer(feature).mayOnlyBeAccessedByLayers(users.toArray(String[]::new));
        }
        return layers.because("a feature reaches another only through that one's service API, one way (STYLE.md)");
    }

    /** Only tests move the clock: demo data and scheduled work pass explicit instants to the services. */
    static ArchRule nobodyMovesTheClock() {
        return noClasses().should().callMethod(ControllableClock.class, "advance", Duration.class)
                .orShould().callMethod(ControllableClock.class, "reset")
                .because("moving the clock in a running service moves it for every request");
    }

    static ArchRule noFeatureCycles() {
        return slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
    }

    /** Another feature's (or demo's) code never touches a feature's entities or resources. */
    static ArchRule entitiesAndResourcesStayInTheirFeature(String feature) {
        String pkg = ROOT + "." + feature + "..";
        return noClasses().that().resideOutsideOfPackage(pkg)
                .should().dependOnClassesThat(describe("entities or resources of " + feature,
                        (JavaClass c) -> c.getPackageName().startsWith(ROOT + "." + feature)
                                && (c.isAnnotatedWith(Entity.class) || c.isAnnotatedWith(Path.class))))
                .because("a feature owns its tables; others use its service API");
    }

    @Test
    void commonImportsNothingOfOursRule() {
        commonImportsNothingOfOurs().check(CLASSES);
    }

    @Test
    void systemImportsOnlyCommonRule() {
        systemImportsOnlyCommon().check(CLASSES);
    }

    @Test
    void nothingImportsDemoRule() {
        nothingImportsDemo().check(CLASSES);
    }

    @Test
    void featuresDependOneWay() {
        featuresOneWay().check(CLASSES);
    }

    @Test
    void mainCodeNeverMovesTheClock() {
        nobodyMovesTheClock().check(CLASSES);
    }

    @Test
    void noCyclesBetweenPackages() {
        noFeatureCycles().check(CLASSES);
    }

    @TestFactory
    Stream<DynamicTest> entitiesAndResourcesAreTheFeaturesOwn() {
        return FEATURES.stream().map(f -> DynamicTest.dynamicTest(f, () -> entitiesAndResourcesStayInTheirFeature(f).check(CLASSES)));
    }

    @Test
    void noBeanInjectsItselfThroughACycle() {
        List<String> cycle = injectionCycle(CLASSES);
        assertTrue(cycle.isEmpty(), "bean injection cycle: " + String.join(" → ", cycle));
    }

    @Test
    void everyPackageIsPlaced() {
        Set<String> top = new LinkedHashSet<>();
        for (JavaClass c : CLASSES) {
            String rest = c.getPackageName().substring(ROOT.length());
            top.add(rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0]);
        }
        Set<String> placed = new LinkedHashSet<>(FEATURES);
        placed.addAll(List.of("common", "system", "demo"));
        top.removeAll(placed);
        assertEquals(Set.of(), top, "packages outside the layout: add them to ArchitectureTest.FEATURES/USES");
    }

    @Test
    void mainSourceFilesStayShortOrSayWhy() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(java.nio.file.Path.of("src", "main", "java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                String source = String.join("\n", lines);
                java.util.regex.Matcher type = TYPE_DECLARATION.matcher(source);
                String head = type.find() ? source.substring(0, type.start()) : source; // up to the class: its comment
                if (lines.size() > MAX_LINES && !head.contains(LONG_FILE_REASON)) {
                    long_.add(f + " (" + lines.size() + " lines)");
                }
            }
        }
        assertEquals(List.of(), long_, "past " + MAX_LINES + " lines, split by reason to change, or say why in the "
                + "class comment with \"" + LONG_FILE_REASON + "\" (STYLE.md, convention 13)");
    }

    /** Past this many lines a main source file is split, or says why not. */
    static final int MAX_LINES = 300;

    private static final java.util.regex.Pattern TYPE_DECLARATION = java.util.regex.Pattern.compile(
            "(?m)^(public |final |abstract )*(class|record|interface|enum|@interface) ");

    /** What a long file's class comment says, followed by its reason. */
    static final String LONG_FILE_REASON = "One file on purpose";

    /** The first cycle of {@code @Inject} fields and constructors between our classes (an interface stands for its implementations). */
    static List<String> injectionCycle(JavaClasses classes) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().startsWith(ROOT)) {
                continue;
            }
            List<JavaClass> injected = new ArrayList<>();
            for (JavaField f : c.getAllFields()) {
                if (f.isAnnotatedWith(Inject.class) && f.getOwner().getPackageName().startsWith(ROOT)) {
                    injected.add(f.getRawType());
                }
            }
            for (JavaConstructor k : c.getConstructors()) {
                if (k.isAnnotatedWith(Inject.class)) {
                    injected.addAll(k.getRawParameterTypes());
                }
            }
            Set<String> out = new LinkedHashSet<>();
            for (JavaClass type : injected) {
                if (!type.getPackageName().startsWith(ROOT)) {
                    continue;
                }
                if (type.isInterface()) {
                    type.getAllSubclasses().forEach(impl -> out.add(impl.getName()));
                } else {
                    out.add(type.getName());
                }
            }
            edges.put(c.getName(), out);
        }
        Map<String, Integer> state = new HashMap<>();
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            if (cycleFrom(start, edges, state, path)) {
                return path;
            }
        }
        return List.of();
    }

    private static boolean cycleFrom(String node, Map<String, Set<String>> edges, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return false;
        }
        path.add(node);
        if (s != null && s == 1) {
            path.subList(0, path.indexOf(node)).clear();
            return true;
        }
        state.put(node, 1);
        for (String next : edges.getOrDefault(node, Set.of())) {
            if (cycleFrom(next, edges, state, path)) {
                return true;
            }
        }
        state.put(node, 2);
        path.remove(path.size() - 1);
        return false;
    }

    private static String[] packagesBut(String... allowed) {
        List<String> others = new ArrayList<>();
        for (String p : all(FEATURES.toArray(String[]::new))) {
            if (!List.of(allowed).contains(p)) {
                others.add(ROOT + "." + p + "..");
            }
        }
        return others.toArray(String[]::new);
    }

    private static String[] all(String... extra) {
        List<String> all = new ArrayList<>(List.of("common", "system", "demo"));
        all.addAll(FEATURES);
        for (String e : extra) {
            if (!all.contains(e)) {
                all.add(e);
            }
        }
        return all.toArray(String[]::new);
    }
}
