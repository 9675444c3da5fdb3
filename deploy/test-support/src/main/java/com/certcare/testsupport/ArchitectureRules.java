package com.certcare.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules every service's code keeps, checked by each service's {@code ArchitectureTest} in the normal test
 * command:
 * <ul>
 * <li>its packages import each other in one direction only: no cycle between the packages under the
 * service's root ({@code com.certcare.customer.customer} ↔ {@code …certification} would fail);</li>
 * <li>it never imports another service's code: services talk through events, and share only the platform.</li>
 * </ul>
 */
public final class ArchitectureRules {

    /** The root package of every service; the platform ({@code com.certcare.platform}) is shared by all. */
    public static final List<String> SERVICES = List.of("com.certcare.customer", "com.certcare.application",
            "com.certcare.feedback", "com.certcare.survey", "com.certcare.gateway");

    private ArchitectureRules() {
    }

    /** Checks the service whose code lives under {@code root} (its main classes only, not its tests). */
    public static void check(String root) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found under " + root);
        }
        slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("packages point one way: capabilities on top, shared packages at the bottom")
                .check(classes);
        String[] others = SERVICES.stream().filter(s -> !s.equals(root)).map(s -> s + "..").toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services never use each other's code; they react to events")
                .check(classes);
    }
}
