package dev.tarmac.catalog;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of final entities and how many match in all.
 *
 * @param items the entities on this page, in order
 * @param totalItems number of entities matching the filter (paging ignored)
 */
public record EntityListing(List<JsonNode> items, long totalItems) {}
