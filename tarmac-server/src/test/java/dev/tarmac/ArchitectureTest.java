package dev.tarmac;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** House rules from ARCHITECTURE.md that the compiler does not check. */
@AnalyzeClasses(packages = "dev.tarmac", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noValueInjection =
      noFields()
          .should()
          .beAnnotatedWith(Value.class)
          .because("settings are typed @ConfigurationProperties records");

  @ArchTest
  static final ArchRule noFieldInjection =
      noFields().should().beAnnotatedWith(Autowired.class).because("we use constructor injection");

  @ArchTest
  static final ArchRule controllersLiveInWeb =
      noClasses()
          .that()
          .areAnnotatedWith(RestController.class)
          .or()
          .areAnnotatedWith(Controller.class)
          .should()
          .resideOutsideOfPackage("..web..")
          .because("HTTP adapters sit in a module's web package");

  @ArchTest
  static final ArchRule settingsAreRecords =
      fields()
          .that()
          .areDeclaredInClassesThat()
          .haveSimpleNameEndingWith("Settings")
          .should()
          .beFinal();
}
