package dev.tarmac.catalog;

import java.util.List;

/**
 * One page of search hits.
 *
 * @param total number of matching entities
 * @param hits this page's hits, best first
 */
public record SearchResults(long total, List<SearchHit> hits) {}
