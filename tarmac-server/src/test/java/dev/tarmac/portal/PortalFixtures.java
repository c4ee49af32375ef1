package dev.tarmac.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the Backstage example catalog renamed so they never clash with the catalog tests. */
final class PortalFixtures {

  static final Path ARTIST_LOOKUP =
      Path.of(
              "src/test/resources/fixtures/catalog/valid/backstage-examples/components/"
                  + "artist-lookup-component.yaml")
          .toAbsolutePath();

  static final Path API_DEFINITIONS =
      Path.of("src/test/resources/fixtures/portal/valid/api-definitions.yaml").toAbsolutePath();

  private PortalFixtures() {}

  /** The API entities with awkward definitions, in a new file of their own. */
  static Path apiDefinitions() throws IOException {
    Path file = Files.createTempDirectory("portal-defs").resolve("catalog-info.yaml");
    Files.copy(API_DEFINITIONS, file);
    return file;
  }

  /** The example artist-lookup component, named {@code <prefix>-artist-lookup}, in a new file. */
  static Path renamedExample(String prefix) throws IOException {
    Path dir = Files.createTempDirectory("portal-" + prefix);
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(
        file,
        Files.readString(ARTIST_LOOKUP)
            .replace("name: artist-lookup", "name: " + prefix + "-artist-lookup"));
    return file;
  }
}
