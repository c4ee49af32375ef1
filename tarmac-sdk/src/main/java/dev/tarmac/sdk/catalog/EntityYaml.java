package dev.tarmac.sdk.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads catalog files: multi-document YAML (or JSON), each document with the line it starts on.
 * Aliases of mappings and sequences are expanded and a repeated key is an error, as in Backstage.
 */
public final class EntityYaml {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Pattern MARK = Pattern.compile(" in reader, line (\\d+), column \\d+");

  private EntityYaml() {}

  /**
   * The non-empty documents of a file, in order.
   *
   * @param file the name to report, e.g. a path or URL
   * @param text the file's content
   * @throws EntityYamlException when the text is not valid YAML, naming the file and line
   */
  public static List<EntityDocument> read(String file, String text) {
    List<EntityDocument> docs = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(text)) {
      while (parser.nextToken() != null) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonNode node = YamlTree.read(parser, null);
        if (!node.isNull()) {
          SourceLines.remember(node, text);
          docs.add(new EntityDocument(file, line, node));
        }
      }
    } catch (JacksonException e) {
      throw new EntityYamlException(file, line(e), reason(e.getOriginalMessage()), e);
    } catch (YamlTree.YamlTreeException e) {
      throw new EntityYamlException(file, e.line(), e.getMessage(), e);
    }
    return docs;
  }

  /**
   * The line of a field inside a document returned by {@link #read}, best effort.
   *
   * @param doc the document
   * @param fieldPath a dot path as {@link ValidationProblem#field()} names it, e.g. {@code
   *     spec.owner}, {@code metadata.tags.2} or Backstage's short {@code tags.2} / {@code
   *     annotations.example.com/x}
   * @return the line of the field, else of its nearest enclosing field that exists, else {@code
   *     doc.line()} (also when the document was not read by {@link #read})
   */
  public static int lineOf(EntityDocument doc, String fieldPath) {
    Map<String, Integer> lines = SourceLines.lines(doc.entity(), text -> index(text, doc.line()));
    if (lines == null || fieldPath == null) {
      return doc.line();
    }
    Integer line = lines.get(fieldPath);
    // Backstage's field format messages name metadata.tags.0 "tags.0", and so on.
    String path = FieldFormats.schemaPath(fieldPath);
    while (line == null && !path.isEmpty()) {
      line = lines.get(path);
      path = path.substring(0, Math.max(0, path.lastIndexOf('.')));
    }
    return line == null ? doc.line() : line;
  }

  private static Map<String, Integer> index(String text, int docLine) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      while (parser.nextToken() != null) {
        if (parser.currentTokenLocation().getLineNr() == docLine) {
          YamlTree.read(parser, lines);
          return lines;
        }
        parser.skipChildren();
      }
    } catch (JacksonException | YamlTree.YamlTreeException e) {
      // The text parsed once already; if it no longer does, the document line is the answer.
    }
    return lines;
  }

  /**
   * The line where SnakeYAML gave up (the last line its message names), else the one Jackson
   * reports; but for an unexpected end of file, the line where the unclosed construct started.
   */
  private static int line(JacksonException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    List<Integer> marks = new ArrayList<>();
    for (Matcher m = MARK.matcher(message); m.find(); ) {
      marks.add(Integer.parseInt(m.group(1)));
    }
    if (marks.isEmpty()) {
      return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }
    boolean atEnd = message.contains("<stream end>") || message.contains("end of stream");
    return Math.max(1, atEnd ? marks.get(0) : marks.get(marks.size() - 1));
  }

  /** The parser's own words, without its "in reader, line…" and source excerpt lines. */
  private static String reason(String message) {
    if (message == null) {
      return "invalid YAML";
    }
    String reason =
        message
            .lines()
            .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
            .collect(Collectors.joining("; "));
    return reason.isEmpty() ? message.strip() : reason;
  }
}
