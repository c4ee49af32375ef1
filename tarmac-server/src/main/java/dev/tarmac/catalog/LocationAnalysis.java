package dev.tarmac.catalog;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What registering a location would do, found without storing anything.
 *
 * @param type file, url or git
 * @param target where it reads, normalised
 * @param exists whether the location is already registered
 * @param entities the entities it would add, processed but not stored
 * @param errors problems found, one sentence each naming the entity or file
 */
public record LocationAnalysis(
    String type, String target, boolean exists, List<JsonNode> entities, List<String> errors) {}
