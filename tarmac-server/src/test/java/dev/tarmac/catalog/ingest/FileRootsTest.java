package dev.tarmac.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarmac.catalog.CatalogException;
import dev.tarmac.catalog.store.LocationRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File locations registered at run time stay inside {@code tarmac.reading.file-roots}: plain paths,
 * globs, {@code ..} and symbolic links cannot lead outside; configured locations read their own
 * folder.
 */
class FileRootsTest {

  @TempDir Path dir;
  Path root;
  Path outside;
  FileRoots roots;
  SourceReaders readers;

  @BeforeEach
  void folders() throws Exception {
    root = Files.createDirectories(dir.resolve("root"));
    outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.yaml"), "password: hunter2\n");
    Files.writeString(root.resolve("catalog-info.yaml"), "kind: Component\n");
    roots = new FileRoots(List.of(root), Map.of());
    readers = TestProcessors.readers(dir);
  }

  @Test
  void aPathInsideTheRootsIsRegisteredEvenBeforeItExists() {
    roots.checkRegistration(file(root.resolve("catalog-info.yaml")));
    roots.checkRegistration(file(root.resolve("later/catalog-info.yaml")));
    roots.checkRegistration(file(root.resolve("**/*.yaml")));
  }

  @Test
  void aPlainPathOutsideTheRootsIsRefusedNamingTheSetting() {
    assertRefused(file(outside.resolve("secret.yaml")));
    assertRefused(row("/etc/passwd"));
  }

  @Test
  void aGlobOutsideTheRootsIsRefused() {
    assertRefused(file(outside.resolve("*.yaml")));
    assertRefused(row(dir + "/**/secret.yaml"));
  }

  @Test
  void dotDotCannotClimbOut() {
    assertRefused(Registrations.normalise("file", root + "/../outside/secret.yaml", "api"));
    assertRefused(Registrations.normalise("file", root + "/sub/../../outside/*.yaml", "api"));
  }

  @Test
  void aSymbolicLinkCannotLeadOut() throws Exception {
    Files.createSymbolicLink(root.resolve("linked"), outside);
    Files.createSymbolicLink(root.resolve("secret.yaml"), outside.resolve("secret.yaml"));
    assertRefused(file(root.resolve("linked/secret.yaml")));
    assertRefused(file(root.resolve("linked/**/*.yaml")));
    assertRefused(file(root.resolve("secret.yaml")));
    // A dangling link is refused too: what it will point at cannot be checked.
    Files.createSymbolicLink(root.resolve("dangling"), dir.resolve("nowhere"));
    assertRefused(file(root.resolve("dangling/catalog-info.yaml")));
  }

  @Test
  void aLinkedFileMatchedByAGlobInsideTheRootsIsNotRead() throws Exception {
    Files.createSymbolicLink(root.resolve("secret.yaml"), outside.resolve("secret.yaml"));
    assertThatThrownBy(() -> readers.read("file", root + "/*.yaml", roots.api()))
        .isInstanceOf(FileOutsideRootsException.class)
        .hasMessageContaining("tarmac.reading.file-roots")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void readsInsideTheRootsFollowLinksThatStayInside() throws Exception {
    Path real = Files.createDirectories(root.resolve("real"));
    Files.writeString(real.resolve("c.yaml"), "kind: API\n");
    Files.createSymbolicLink(root.resolve("alias"), real);
    List<SourceFile> files = readers.read("file", root + "/alias/c.yaml", roots.api());
    assertThat(files).extracting(SourceFile::target).containsExactly(root + "/alias/c.yaml");
    assertThat(files.get(0).text()).isEqualTo("kind: API\n");
  }

  @Test
  void noRootsMeansNoFileRegistrationsAtRunTime() {
    FileRoots none = new FileRoots(List.of(), Map.of());
    assertThatThrownBy(() -> none.checkRegistration(file(root.resolve("catalog-info.yaml"))))
        .isInstanceOf(CatalogException.class);
    // Other location types are not file reads.
    none.checkRegistration(Registrations.normalise("url", "https://example.com/x.yaml", "api"));
  }

  @Test
  void aConfiguredLocationReadsItsOwnFolderAndTheRootsButCannotClimbOut() throws Exception {
    Path configured = Files.createDirectories(dir.resolve("configured/catalog"));
    Files.writeString(configured.resolve("all.yaml"), "kind: Location\n");
    Files.createDirectories(configured.resolve("teams"));
    Files.writeString(configured.resolve("teams/a.yaml"), "kind: Group\n");
    String key = "file:" + configured.resolve("all.yaml");
    FileRoots withConfig =
        new FileRoots(List.of(root), Map.of(key, configured.resolve("all.yaml").toString()));
    FileScope scope = withConfig.forOrigin(key);
    assertThat(readers.read("file", configured + "/all.yaml", scope)).hasSize(1);
    assertThat(readers.read("file", configured + "/teams/*.yaml", scope)).hasSize(1);
    assertThat(readers.read("file", root + "/catalog-info.yaml", scope)).hasSize(1);
    assertThatThrownBy(() -> readers.read("file", outside + "/secret.yaml", scope))
        .isInstanceOf(FileOutsideRootsException.class)
        .hasMessageContaining("configured location " + key)
        .hasMessageContaining("tarmac.reading.file-roots");
    // An origin that is not configured (an API registration) gets the roots only.
    assertThatThrownBy(
            () -> readers.read("file", configured + "/all.yaml", withConfig.forOrigin("file:x")))
        .isInstanceOf(FileOutsideRootsException.class);
  }

  @Test
  void aConfiguredLocationsOwnTargetIsReadAsConfiguredEvenThroughALink() throws Exception {
    Path link = dir.resolve("etc-link.yaml");
    Files.createSymbolicLink(link, outside.resolve("secret.yaml"));
    String key = "file:" + link;
    FileRoots withConfig = new FileRoots(List.of(root), Map.of(key, link.toString()));
    assertThat(readers.read("file", link.toString(), withConfig.forOrigin(key))).hasSize(1);
  }

  @Test
  void aLocalGitRepositoryOutsideTheRootsIsRefusedAtRegistrationAndWhenRead() throws Exception {
    Path repo = Files.createDirectories(outside.resolve("repo"));
    assertRefused(Registrations.normalise("git", repo.toUri() + "#main:catalog-info.yaml", "api"));
    assertRefused(Registrations.normalise("git", outside.toUri() + "*", "api"));
    roots.checkRegistration(
        Registrations.normalise("git", root.resolve("repo").toUri() + "#main", "api"));
    roots.checkRegistration(Registrations.normalise("git", root.toUri() + "*", "api"));
    // Remote repositories are for tarmac.reading.allow to decide.
    roots.checkRegistration(
        Registrations.normalise("git", "https://git.example.com/a.git#main", "api"));
    // A nested target read under a run-time registration cannot reach it either.
    assertThatThrownBy(() -> readers.read("git", repo.toUri() + "#main", roots.api()))
        .isInstanceOf(FileOutsideRootsException.class)
        .hasMessageContaining("tarmac.reading.file-roots");
  }

  @Test
  void aConfiguredGitLocationReadsItsOwnRepositoriesButNotOthers() throws Exception {
    Path repos = Files.createDirectories(dir.resolve("repos"));
    String key = "git:" + repos.toUri() + "*#main";
    FileRoots withConfig = new FileRoots(List.of(root), Map.of(key, ""));
    FileScope scope = withConfig.forOrigin(key);
    // A repository the discovery pattern finds passes the check (and then fails only because
    // there is no such repository here); one elsewhere is refused.
    assertThatThrownBy(() -> readers.read("git", repos.resolve("a").toUri() + "#main", scope))
        .isNotInstanceOf(FileOutsideRootsException.class);
    assertThatThrownBy(() -> readers.read("git", outside.toUri() + "#main", scope))
        .isInstanceOf(FileOutsideRootsException.class);
  }

  private void assertRefused(LocationRow row) {
    assertThatThrownBy(() -> roots.checkRegistration(row))
        .isInstanceOf(CatalogException.class)
        .satisfies(e -> assertThat(((CatalogException) e).name()).isEqualTo("InputError"))
        .hasMessageContaining("tarmac.reading.file-roots")
        .hasMessageNotContaining("hunter2");
  }

  private static LocationRow file(Path path) {
    return row(path.toString());
  }

  private static LocationRow row(String target) {
    return Registrations.normalise("file", target, "api");
  }
}
