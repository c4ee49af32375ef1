package dev.tarmac.sdk.scaffolder;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * How a run ended.
 *
 * @param status completed, failed or cancelled
 * @param output the template's evaluated {@code output} (links, text, other keys)
 * @param steps each step's result, in template order
 * @param error the failure message naming the step and cause, or null
 */
public record RunResult(String status, JsonNode output, List<StepResult> steps, String error) {}
