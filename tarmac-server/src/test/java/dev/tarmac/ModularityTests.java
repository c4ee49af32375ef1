package dev.tarmac;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module structure and writes the module diagrams to docs/modules. */
class ModularityTests {

  // tarmac-sdk shares the dev.tarmac prefix but is a library every module may use, not a module.
  private final ApplicationModules modules =
      ApplicationModules.of(
          TarmacApplication.class, JavaClass.Predicates.resideInAPackage("dev.tarmac.sdk.."));

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
  }
}
