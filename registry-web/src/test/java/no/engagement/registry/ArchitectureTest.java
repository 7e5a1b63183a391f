package no.engagement.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package and layer habits of the README's layout section, kept by the build. */
@AnalyzeClasses(
    packages = "no.engagement.registry",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule webLayerNeverTouchesJooq =
      noClasses()
          .that()
          .resideInAPackage("..web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.jooq..", "no.engagement.registry.jooq..");

  @ArchTest
  static final ArchRule onlyQueriesClassesTouchTheGeneratedCode =
      noClasses()
          .that()
          .resideOutsideOfPackage("no.engagement.registry.jooq..")
          .and()
          .haveNameNotMatching(".*Queries(\\$.*)?") // a *Queries class and its nested records
          // import templates name the tables they fill
          .and()
          .haveNameNotMatching(".*Specs(\\$.*)?")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("no.engagement.registry.jooq..");

  /**
   * A feature's screens (its {@code web} package) use the shared web parts and the features' public
   * services, never another feature's screens: each feature can change its pages alone.
   */
  @ArchTest
  static final ArchRule featureScreensDoNotReachIntoEachOther =
      com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
          .matching("no.engagement.registry.(*).web..")
          .should()
          .notDependOnEachOther();

  /** The shared web parts serve every feature and depend on none of their screens. */
  @ArchTest
  static final ArchRule sharedWebPartsDependOnNoFeatureScreen =
      noClasses()
          .that()
          .resideInAPackage("no.engagement.registry.web")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("no.engagement.registry.*.web..");

  @ArchTest
  static final ArchRule controllersArePackagePrivate =
      classes().that().haveSimpleNameEndingWith("Controller").should().notBePublic();
}
