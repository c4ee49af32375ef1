package dev.tarmac.metrics.git;

import dev.tarmac.metrics.MetricsSettings;
import dev.tarmac.metrics.store.DeliveryStore;
import dev.tarmac.metrics.store.Services;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.GitCommitGraph;
import dev.tarmac.shared.Hashes;
import dev.tarmac.shared.TarmacSettings;
import dev.tarmac.shared.UrlReader;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives a deployment that names only its head commit the commits since the previous successful
 * deployment of the same service and environment ({@code git log previous..head}), reading the
 * component's repository: a local folder directly, a remote one through a bare mirror under {@code
 * <data-dir>/delivery-git/} (cloned once, fetched when a head is missing) and only from hosts that
 * {@code tarmac.reading.allow} lists, like every other read.
 */
@Component
public class CommitRangeResolver {

  private static final Logger LOG = LoggerFactory.getLogger(CommitRangeResolver.class);

  private final Services services;
  private final DeliveryStore store;
  private final MetricsSettings settings;
  private final UrlReader urls;
  private final Path cache;
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  /** Creates the resolver. */
  public CommitRangeResolver(
      Services services,
      DeliveryStore store,
      MetricsSettings settings,
      TarmacSettings tarmac,
      UrlReader urls) {
    this.services = services;
    this.store = store;
    this.settings = settings;
    this.urls = urls;
    this.cache = tarmac.dataDir().resolve("delivery-git");
  }

  /**
   * The deployments with ranges filled in where a head alone was given and a repository is known.
   */
  public List<Deployment> resolve(List<Deployment> deployments) {
    List<Deployment> sorted = new ArrayList<>(deployments);
    sorted.sort(Comparator.comparing(Deployment::finishedAt));
    Map<String, String> batchHeads = new HashMap<>();
    Map<String, Deployment> out = new HashMap<>();
    for (Deployment d : sorted) {
      Deployment resolved = d;
      String key = d.service() + "\u0000" + d.environment();
      if (d.commitShas().size() == 1) {
        String location =
            RepositoryLocations.of(services.annotations(d.service()), settings.gitBase());
        if (location != null) {
          String previous = batchHeads.get(key);
          if (previous == null) {
            previous = store.previousSuccessfulHead(d.service(), d.environment(), d.finishedAt());
          }
          resolved = d.withCommits(range(location, d.commitShas().get(0), previous));
        }
      }
      if (Deployment.SUCCESS.equals(d.status()) && !d.commitShas().isEmpty()) {
        batchHeads.put(key, d.commitShas().get(0));
      }
      out.put(d.id(), resolved);
    }
    return deployments.stream().map(d -> out.get(d.id())).toList();
  }

  private List<String> range(String location, String head, String previous) {
    if (!readable(location)) {
      // The head alone stands for the range. Said once at info level (the demo's repositories
      // alone are over a dozen), then once per further repository at debug level.
      if (refused.add(location)) {
        if (refused.size() == 1) {
          LOG.info(
              "Commit ranges are read only from local folders and from http(s) hosts in"
                  + " tarmac.reading.allow, not from {} (further repositories are logged at debug"
                  + " level); their deployments count their head commit only",
              location);
        } else {
          LOG.debug(
              "Commit ranges are not read from {}: not a folder or an allowed host", location);
        }
      }
      return List.of(head);
    }
    try (GitCommitGraph graph = new GitCommitGraph(repository(location, head))) {
      return graph.range(head, previous);
    } catch (RuntimeException e) {
      // The head alone is still a true (if partial) range; metrics stay computable.
      LOG.warn(
          "cannot read commit range {}..{} from {}: {}", previous, head, location, e.getMessage());
      return List.of(head);
    }
  }

  /** A local folder, or an http(s) repository on a host the reading allow-list names. */
  private boolean readable(String location) {
    if (localFolder(location).isDirectory()) {
      return true;
    }
    String lower = location.toLowerCase(Locale.ROOT);
    try {
      return (lower.startsWith("https://") || lower.startsWith("http://"))
          && urls.allowed(URI.create(location));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Where the location would be on this machine's disk, were it a folder. */
  private static File localFolder(String location) {
    return new File(location.startsWith("file:") ? location.substring(5) : location);
  }

  private File repository(String location, String head) {
    File local = localFolder(location);
    if (local.isDirectory()) {
      return local;
    }
    File mirror = cache.resolve(Hashes.sha256(location).substring(0, 32) + ".git").toFile();
    try {
      if (!mirror.exists()) {
        Files.createDirectories(cache);
        Git.cloneRepository().setURI(location).setBare(true).setDirectory(mirror).call().close();
      } else {
        try (Git git = Git.open(mirror)) {
          if (git.getRepository().resolve(head) == null) {
            git.fetch().setRemote("origin").call();
          }
        }
      }
      return mirror;
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot clone or fetch " + location + ": " + e.getMessage(), e);
    }
  }
}
