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

  private PortalFixtures() {}

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
