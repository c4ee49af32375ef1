package dev.tarmac.scaffolder;

/**
 * A task's step and where it got to.
 *
 * @param id the step id
 * @param name the display name
 * @param action the action id
 * @param status open, processing, completed, failed, skipped or cancelled
 */
public record TaskStep(String id, String name, String action, String status) {}
