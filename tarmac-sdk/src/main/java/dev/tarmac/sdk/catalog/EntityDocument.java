package dev.tarmac.sdk.catalog;

import tools.jackson.databind.JsonNode;

/**
 * One document of a catalog file.
 *
 * @param file the file it was read from
 * @param line the 1-based line where the document starts
 * @param entity its content
 */
public record EntityDocument(String file, int line, JsonNode entity) {}
