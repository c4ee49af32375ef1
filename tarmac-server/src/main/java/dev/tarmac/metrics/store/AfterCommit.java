package dev.tarmac.metrics.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What an intake transaction leaves to check once it has committed: rows it wrote that another
 * transaction, committing concurrently, may have had to complete but could not yet see.
 */
final class AfterCommit {
  /** Shipped commits stored without a start: {service, sha}. */
  final List<Object[]> unstarted = new ArrayList<>();

  /** Changes stored with a start: {service, sha, start, start micros}. */
  final List<Object[]> started = new ArrayList<>();

  /** Incidents stored naming a deployment not found counting: {id}. */
  final List<Object[]> causesToFind = new ArrayList<>();

  /** Successful production deployments stored: {finished micros, id, finished micros}. */
  final List<Object[]> deployed = new ArrayList<>();
}
