/** Commit ranges of deployments that name only their head, read from the service's repository. */
package dev.tarmac.metrics.git;
