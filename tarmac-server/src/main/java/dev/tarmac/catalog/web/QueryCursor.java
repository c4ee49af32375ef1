package dev.tarmac.catalog.web;

import dev.tarmac.catalog.CatalogException;
import dev.tarmac.shared.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The opaque cursor of {@code by-query}: the query itself plus the position of the page.
 *
 * @param filters query-string filters
 * @param filterJson the JSON filter of a POST, or null
 * @param orderFields {@code field,asc|desc} entries
 * @param term full-text term, or null
 * @param termFields fields the term is matched against
 * @param offset position of the page
 * @param limit the page size the query was started with
 */
record QueryCursor(
    List<String> filters,
    JsonNode filterJson,
    List<String> orderFields,
    String term,
    List<String> termFields,
    int offset,
    int limit) {

  /** The same query at another position. */
  QueryCursor at(int newOffset, int pageSize) {
    return new QueryCursor(filters, filterJson, orderFields, term, termFields, newOffset, pageSize);
  }

  /** Encodes as base64url JSON. */
  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Json.write(this).getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor a client sent back. */
  static QueryCursor decode(String cursor) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return Json.MAPPER.readValue(json, QueryCursor.class);
    } catch (RuntimeException e) {
      throw CatalogException.input("Malformed cursor: " + e.getMessage());
    }
  }
}
