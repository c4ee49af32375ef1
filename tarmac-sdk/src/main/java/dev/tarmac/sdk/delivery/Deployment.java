package dev.tarmac.sdk.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A deployment of a service to an environment.
 *
 * @param id the event id, unique per source
 * @param service the catalog component's name or ref
 * @param environment for example production or staging
 * @param commitShas the commits this deployment brought to the environment (head first)
 * @param startedAt when it started, may be null
 * @param finishedAt when it finished
 * @param status success, failure or cancelled
 */
public record Deployment(
    String id,
    String service,
    String environment,
    List<String> commitShas,
    Instant startedAt,
    Instant finishedAt,
    String status) {

  /** The only environment whose deployments count. */
  public static final String PRODUCTION = "production";

  /** The status of a deployment that counts. */
  public static final String SUCCESS = "success";

  /** Normalises the lists. */
  public Deployment {
    commitShas = commitShas == null ? List.of() : List.copyOf(commitShas);
  }

  /** Whether this is a successful production deployment, the only kind that counts. */
  public boolean counts() {
    return PRODUCTION.equalsIgnoreCase(environment) && SUCCESS.equalsIgnoreCase(status);
  }

  /** This deployment with another commit list. */
  public Deployment withCommits(List<String> shas) {
    return new Deployment(id, service, environment, shas, startedAt, finishedAt, status);
  }
}
