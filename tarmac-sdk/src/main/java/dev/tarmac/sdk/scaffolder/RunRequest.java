package dev.tarmac.sdk.scaffolder;

import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/**
 * Everything a run needs.
 *
 * @param template the template
 * @param values the answers (defaults are filled in and they are validated by the runner)
 * @param secrets secrets, masked in every log line
 * @param workspace where files are written
 * @param files where fetch actions read
 * @param taskId the task id
 * @param user the starting user's ref
 * @param userEntity the starting user's entity, or null
 * @param templateRef the template's entity ref
 * @param dryRun whether side effects outside the workspace are skipped
 * @param cancelled polled between steps and by long actions
 */
public record RunRequest(
    TemplateDefinition template,
    JsonNode values,
    Map<String, String> secrets,
    Workspace workspace,
    FileSource files,
    String taskId,
    String user,
    JsonNode userEntity,
    String templateRef,
    boolean dryRun,
    BooleanSupplier cancelled) {}
