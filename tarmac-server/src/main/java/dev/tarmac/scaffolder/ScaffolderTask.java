package dev.tarmac.scaffolder;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A task: a template run with its answers.
 *
 * @param id uuid
 * @param templateRef the template's entity ref
 * @param status open, processing, completed, failed or cancelled
 * @param createdBy the user's ref
 * @param createdAt when it was started
 * @param lastHeartbeatAt the running replica's last heartbeat
 * @param spec the template spec and the answers (secrets are never included)
 * @param steps the steps and their status
 * @param output the template output once completed
 * @param error why it failed, naming the step and cause
 */
public record ScaffolderTask(
    String id,
    String templateRef,
    String status,
    String createdBy,
    Instant createdAt,
    Instant lastHeartbeatAt,
    JsonNode spec,
    List<TaskStep> steps,
    JsonNode output,
    String error) {}
