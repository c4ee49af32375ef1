package dev.tarmac.catalog.store;

/**
 * How far a registered location's processing has got.
 *
 * @param read entities read from its sources, at any depth
 * @param inCatalog those of them in the catalog
 * @param withErrors those whose last processing reported problems
 * @param processing whether any of them is due, leased or waiting to be stitched
 */
public record LocationProgress(long read, long inCatalog, long withErrors, boolean processing) {}
