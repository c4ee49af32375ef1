package dev.tarmac.scaffolder;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a task's event log, in Backstage's shape.
 *
 * @param id increasing event id
 * @param taskId the task
 * @param type log or completion
 * @param createdAt when it happened
 * @param body {@code {message, stepId?, status?, output?}}
 */
public record TaskEvent(long id, String taskId, String type, Instant createdAt, JsonNode body) {}
