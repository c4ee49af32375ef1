package dev.tarmac.scaffolder.store;

import java.time.Instant;

/**
 * A task row as stored.
 *
 * @param id uuid
 * @param templateRef the template ref
 * @param spec the template entity and its location, JSON
 * @param values the answers, JSON
 * @param secrets the secrets, JSON (null once the task ended)
 * @param status the status
 * @param createdBy who started it
 * @param createdAt when
 * @param lastHeartbeatAt last heartbeat
 * @param claimedBy the replica holding the lease
 * @param leaseUntil lease end
 * @param cancelRequested whether cancel was asked for while running
 * @param output the template output, JSON
 * @param steps the step list with statuses, JSON
 * @param error the failure
 */
public record TaskRow(
    String id,
    String templateRef,
    String spec,
    String values,
    String secrets,
    String status,
    String createdBy,
    Instant createdAt,
    Instant lastHeartbeatAt,
    String claimedBy,
    Instant leaseUntil,
    boolean cancelRequested,
    String output,
    String steps,
    String error) {}
