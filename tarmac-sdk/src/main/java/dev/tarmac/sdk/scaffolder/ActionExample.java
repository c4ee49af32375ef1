package dev.tarmac.sdk.scaffolder;

/**
 * An example of an action's use, as Backstage lists them.
 *
 * @param description what the example shows
 * @param example a YAML snippet of a step
 */
public record ActionExample(String description, String example) {}
