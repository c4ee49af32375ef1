package dev.tarmac.sdk.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads catalog files: multi-document YAML (or JSON), each document with its line numbers. */
public final class EntityYaml {

  private static final YAMLMapper YAML =
      YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private EntityYaml() {}

  /** The non-empty documents of a file; a syntax error names the file and line. */
  public static List<EntityDocument> read(String file, String text) {
    List<EntityDocument> docs = new ArrayList<>();
    try (JsonParser p = YAML.createParser(text)) {
      while (p.nextToken() != null) {
        int line = p.currentTokenLocation().getLineNr();
        JsonNode node = YAML.readTree(p);
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          docs.add(new EntityDocument(file, line, node));
        }
      }
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new EntityYamlException(file, line, e.getOriginalMessage(), e);
    }
    return docs;
  }

  /**
   * The line of a dot-path field inside a document read from {@code text}, best effort: the nearest
   * enclosing field that is found, else the document's own line.
   */
  public static int lineOf(String text, EntityDocument doc, String fieldPath) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      Deque<String> names = new ArrayDeque<>();
      String pending = null;
      int depth = 0;
      boolean inDoc = false;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int line = p.currentTokenLocation().getLineNr();
        if (depth == 0) {
          if (inDoc) {
            break;
          }
          inDoc = line == doc.line();
        }
        switch (t) {
          case PROPERTY_NAME -> {
            pending = p.currentName();
            if (inDoc) {
              lines.putIfAbsent(join(names, pending), line);
            }
          }
          case START_OBJECT, START_ARRAY -> {
            depth++;
            names.addLast(pending == null ? "" : pending);
            pending = null;
          }
          case END_OBJECT, END_ARRAY -> {
            depth--;
            names.removeLast();
          }
          default -> pending = null;
        }
      }
    } catch (JacksonException e) {
      return doc.line();
    }
    String f = fieldPath;
    while (f != null && !f.isEmpty()) {
      Integer line = lines.get(f);
      if (line != null) {
        return line;
      }
      int dot = f.lastIndexOf('.');
      f = dot < 0 ? null : f.substring(0, dot);
    }
    return doc.line();
  }

  private static String join(Deque<String> names, String name) {
    StringBuilder b = new StringBuilder();
    for (String n : names) {
      if (!n.isEmpty()) {
        b.append(n).append('.');
      }
    }
    return b.append(name).toString();
  }
}
