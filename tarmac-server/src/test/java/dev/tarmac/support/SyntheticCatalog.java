package dev.tarmac.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a small synthetic catalog (groups, systems, components with relations) for tests. */
public final class SyntheticCatalog {

  private SyntheticCatalog() {}

  /**
   * Writes {@code components} components owned by 10 groups in 5 systems, 100 per file, and a root
   * {@code catalog-info.yaml} Location listing the files. Returns the root file; the catalog holds
   * components + 15 entities + the root Location.
   */
  public static Path write(Path dir, String prefix, int components) throws IOException {
    return write(dir, prefix, components, false);
  }

  /**
   * As {@link #write(Path, String, int)}; when {@code nested}, each file of 100 entities sits
   * behind a Location of its own ({@code <prefix>-<n>-location}) that the root lists, adding one
   * Location entity per file.
   */
  public static Path write(Path dir, String prefix, int components, boolean nested)
      throws IOException {
    Files.createDirectories(dir);
    List<String> docs = new ArrayList<>();
    for (int g = 0; g < 10; g++) {
      docs.add(doc("Group", prefix + "-team-" + g, "  type: team\n  children: []\n"));
    }
    for (int s = 0; s < 5; s++) {
      docs.add(doc("System", prefix + "-system-" + s, "  owner: " + prefix + "-team-" + s + "\n"));
    }
    for (int c = 0; c < components; c++) {
      docs.add(
          doc(
              "Component",
              prefix + "-svc-" + c,
              "  type: service\n  lifecycle: production\n"
                  + "  owner: "
                  + prefix
                  + "-team-"
                  + (c % 10)
                  + "\n  system: "
                  + prefix
                  + "-system-"
                  + (c % 5)
                  + "\n"));
    }
    StringBuilder root =
        new StringBuilder(
            "apiVersion: backstage.io/v1alpha1\nkind: Location\n"
                + "metadata:\n  name: "
                + prefix
                + "-root\nspec:\n  targets:\n");
    for (int i = 0; i < docs.size(); i += 100) {
      String file = prefix + "-" + (i / 100) + ".yaml";
      Files.writeString(
          dir.resolve(file), String.join("---\n", docs.subList(i, Math.min(docs.size(), i + 100))));
      if (nested) {
        String name = prefix + "-" + (i / 100) + "-location";
        Files.writeString(
            dir.resolve(name + ".yaml"),
            "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: "
                + name
                + "\nspec:\n  targets:\n    - ./"
                + file
                + "\n");
        file = name + ".yaml";
      }
      root.append("    - ./").append(file).append('\n');
    }
    Path rootFile = dir.resolve("catalog-info.yaml");
    Files.writeString(rootFile, root.toString());
    return rootFile;
  }

  private static String doc(String kind, String name, String spec) {
    return "apiVersion: backstage.io/v1alpha1\nkind: "
        + kind
        + "\nmetadata:\n  name: "
        + name
        + "\nspec:\n"
        + spec;
  }
}
