package dev.tarmac.sdk.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * DevLake-style PR cycle time in whole minutes rounded up; a part is null when an end is missing or
 * the span is negative, and the cycle adds only the parts that exist.
 *
 * @param coding first commit authored to PR opened
 * @param pickup PR opened to first review
 * @param review first review to merged
 * @param deploy merged to deployed
 * @param cycle coding plus opened-to-merged plus deploy
 */
public record PullRequestCycleTime(Long coding, Long pickup, Long review, Long deploy, Long cycle) {

  /** Works out the parts from the five moments (any may be null). */
  public static PullRequestCycleTime of(
      Instant firstCommitAuthored,
      Instant opened,
      Instant firstReview,
      Instant merged,
      Instant deployed) {
    Long coding = span(firstCommitAuthored, opened);
    Long deploy = span(merged, deployed);
    Long openToMerge = span(opened, merged);
    long cycle = 0;
    boolean any = false;
    for (Long part : new Long[] {coding, openToMerge, deploy}) {
      if (part != null) {
        cycle += part;
        any = true;
      }
    }
    return new PullRequestCycleTime(
        coding, span(opened, firstReview), span(firstReview, merged), deploy, any ? cycle : null);
  }

  private static Long span(Instant a, Instant b) {
    if (a == null || b == null) {
      return null;
    }
    long seconds = Duration.between(a, b).toSeconds();
    return seconds < 0 ? null : (seconds + 59) / 60;
  }
}
