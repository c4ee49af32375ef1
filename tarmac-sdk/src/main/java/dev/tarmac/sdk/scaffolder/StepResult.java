package dev.tarmac.sdk.scaffolder;

import tools.jackson.databind.JsonNode;

/**
 * How one step ended.
 *
 * @param id the step id
 * @param name the display name
 * @param action the action id
 * @param status completed, failed, skipped, cancelled or open (never reached)
 * @param output the step's output
 */
public record StepResult(String id, String name, String action, String status, JsonNode output) {}
