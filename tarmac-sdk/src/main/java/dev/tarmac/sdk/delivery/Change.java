package dev.tarmac.sdk.delivery;

import java.time.Instant;

/**
 * A commit of a service, optionally with the pull request that merged it.
 *
 * @param sha the commit id
 * @param service the catalog component's name or ref
 * @param authoredAt when it was authored, may be null
 * @param committedAt when it was committed
 * @param pr the pull request, may be null
 */
public record Change(
    String sha, String service, Instant authoredAt, Instant committedAt, PullRequest pr) {

  /** When the lead-time clock starts: authored, else committed. */
  public Instant start() {
    return authoredAt != null ? authoredAt : committedAt;
  }

  /**
   * A pull request.
   *
   * @param id its id
   * @param openedAt when it was opened
   * @param mergedAt when it was merged, null if not merged
   */
  public record PullRequest(String id, Instant openedAt, Instant mergedAt) {}
}
