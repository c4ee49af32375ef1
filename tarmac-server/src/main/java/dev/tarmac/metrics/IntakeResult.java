package dev.tarmac.metrics;

import java.util.List;

/**
 * What an intake request did.
 *
 * @param accepted events stored
 * @param duplicates events whose id was already stored, acknowledged and ignored
 * @param unknownServices services named by stored events that are not in the catalog
 */
public record IntakeResult(int accepted, int duplicates, List<String> unknownServices) {}
