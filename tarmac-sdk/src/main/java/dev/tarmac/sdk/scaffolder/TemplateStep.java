package dev.tarmac.sdk.scaffolder;

import tools.jackson.databind.JsonNode;

/**
 * One step of a template.
 *
 * @param id the step id ({@code step-N} when the template names none)
 * @param name the display name
 * @param action the action id
 * @param input the raw input, expressions not yet evaluated
 * @param condition the raw {@code if}, or null
 * @param each the raw {@code each}, or null
 */
public record TemplateStep(
    String id, String name, String action, JsonNode input, JsonNode condition, JsonNode each) {}
