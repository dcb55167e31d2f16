package org.openencoder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module; others use only its base package, and no cycles. */
class ModuleBoundariesTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.openencoder");

  @Test
  void modulesUseEachOtherOnlyThroughTheirBasePackage() {
    ApplicationModules.of(OpenEncoderApplication.class).verify();
  }

  @Test
  void readersAreFreeOfWebAndDatabaseTypes() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Reader")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.servlet..", "java.sql..", "org.springframework..")
        .check(CLASSES);
  }

  @Test
  void noHelperUtilOrManagerClasses() {
    noClasses()
        .should()
        .haveSimpleNameEndingWith("Helper")
        .orShould()
        .haveSimpleNameEndingWith("Util")
        .orShould()
        .haveSimpleNameEndingWith("Utils")
        .orShould()
        .haveSimpleNameEndingWith("Manager")
        .check(CLASSES);
  }
}
