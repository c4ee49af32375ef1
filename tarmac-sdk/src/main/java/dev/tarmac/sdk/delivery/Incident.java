package dev.tarmac.sdk.delivery;

import java.time.Instant;

/**
 * A production incident of a service.
 *
 * @param id the event id
 * @param service the catalog component's name or ref
 * @param openedAt when it was opened
 * @param resolvedAt when it was resolved, null while open
 * @param causedByDeployment the id of the deployment that caused it, if known
 */
public record Incident(
    String id, String service, Instant openedAt, Instant resolvedAt, String causedByDeployment) {}
