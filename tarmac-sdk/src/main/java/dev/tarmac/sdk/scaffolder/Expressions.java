package dev.tarmac.sdk.scaffolder;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.tree.parse.StringTokenScannerSymbols;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nunjucks-style {@code ${{ }}} expressions and skeleton rendering on a sandboxed Jinjava: the
 * context holds only plain maps, lists and scalars, includes and imports read nothing, and output,
 * string, list and map sizes are bounded.
 */
public final class Expressions {

  /** Largest rendered text, in characters. */
  public static final long MAX_OUTPUT = 5_000_000;

  private static final Pattern SINGLE =
      Pattern.compile("^\\s*\\$\\{\\{(.*)}}\\s*$", Pattern.DOTALL);

  private static final Set<TemplateError.ErrorReason> FAILING =
      EnumSet.of(
          TemplateError.ErrorReason.SYNTAX_ERROR,
          TemplateError.ErrorReason.UNKNOWN,
          TemplateError.ErrorReason.EXCEPTION,
          TemplateError.ErrorReason.OUTPUT_TOO_BIG,
          TemplateError.ErrorReason.OVER_LIMIT,
          TemplateError.ErrorReason.COLLECTION_TOO_BIG,
          TemplateError.ErrorReason.DISABLED,
          TemplateError.ErrorReason.INVALID_ARGUMENT,
          TemplateError.ErrorReason.BAD_URL);

  private static final Pattern TAG =
      Pattern.compile("\\$\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
  private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_][A-Za-z0-9_]*)");

  /** An engine with Backstage's delimiters and filters. */
  public Expressions() {}

  /**
   * The sandboxed Jinjava, the same for every instance and set up on first use (the holder class
   * loads then): setting it up would cost a server's start-up ~70 ms.
   */
  private static Jinjava jinjava() {
    return Engine.JINJAVA;
  }

  /** Holds the engine; the JVM initialises it once, on first access, without locking after. */
  private static final class Engine {
    private static final Jinjava JINJAVA = create();
  }

  private static Jinjava create() {
    StringTokenScannerSymbols symbols =
        StringTokenScannerSymbols.builder()
            .withVariableStartString("${{")
            .withVariableEndString("}}")
            .withBlockStartString("{%")
            .withBlockEndString("%}")
            .withCommentStartString("{#")
            .withCommentEndString("#}")
            .build();
    JinjavaConfig config =
        JinjavaConfig.newBuilder()
            .withTokenScannerSymbols(symbols)
            .withMaxOutputSize(MAX_OUTPUT)
            .withMaxStringLength(MAX_OUTPUT)
            .withMaxListSize(10_000)
            .withMaxMapSize(10_000)
            .withMaxRenderDepth(10)
            .withEnableRecursiveMacroCalls(false)
            .withNestedInterpretationEnabled(false)
            .build();
    Jinjava jinjava = new Jinjava(config);
    jinjava.setResourceLocator(new NoResources());
    Filters.all().forEach(f -> jinjava.getGlobalContext().registerFilter(f));
    return jinjava;
  }

  /** Renders text (a skeleton file or an interpolated string). */
  public String render(String text, Map<String, Object> context, String where) {
    checkFilters(text, where);
    RenderResult result = jinjava().renderForResult(text, context);
    check(result.getErrors(), where);
    return result.getOutput();
  }

  /**
   * Evaluates every string in a JSON value; a string that is exactly one expression keeps the
   * expression's JSON type.
   */
  public JsonNode evaluate(JsonNode value, Map<String, Object> context, String where) {
    if (value == null) {
      return JsonNodeFactory.instance.missingNode();
    }
    if (value.isString()) {
      return evaluateString(value.asString(), context, where);
    }
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        JsonNode v = evaluate(e.getValue(), context, where + "." + e.getKey());
        if (!v.isMissingNode()) {
          out.set(e.getKey(), v);
        }
      }
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      int i = 0;
      for (Iterator<JsonNode> it = value.iterator(); it.hasNext(); i++) {
        JsonNode v = evaluate(it.next(), context, where + "[" + i + "]");
        out.add(v.isMissingNode() ? JsonNodeFactory.instance.nullNode() : v);
      }
      return out;
    }
    return value;
  }

  private JsonNode evaluateString(String text, Map<String, Object> context, String where) {
    Matcher m = SINGLE.matcher(text);
    if (m.matches() && !m.group(1).contains("${{") && !m.group(1).contains("}}")) {
      JinjavaInterpreter interpreter = jinjava().newInterpreter();
      interpreter.getContext().putAll(context);
      JinjavaInterpreter.pushCurrent(interpreter);
      try {
        checkFilters(text, where);
        Object result = interpreter.resolveELExpression(m.group(1).trim(), 1);
        check(interpreter.getErrors(), where);
        return result == null ? JsonNodeFactory.instance.missingNode() : Values.tree(result);
      } finally {
        JinjavaInterpreter.popCurrent();
      }
    }
    if (!text.contains("${{") && !text.contains("{%")) {
      return JsonNodeFactory.instance.stringNode(text);
    }
    return JsonNodeFactory.instance.stringNode(render(text, context, where));
  }

  /** Jinjava passes values through unknown filters silently; Nunjucks fails, and so do we. */
  private void checkFilters(String text, String where) {
    Matcher tag = TAG.matcher(text);
    while (tag.find()) {
      String body = tag.group(1) != null ? tag.group(1) : tag.group(2);
      Matcher f = FILTER.matcher(body.replaceAll("'[^']*'|\"[^\"]*\"", "''"));
      while (f.find()) {
        if (jinjava().getGlobalContext().getFilter(f.group(1)) == null) {
          throw new ScaffolderException(
              where, "expression error in " + where + ": unknown filter '" + f.group(1) + "'");
        }
      }
    }
  }

  private static void check(List<TemplateError> errors, String where) {
    for (TemplateError e : errors) {
      if (e.getSeverity() == TemplateError.ErrorType.FATAL || FAILING.contains(e.getReason())) {
        throw new ScaffolderException(
            where, "expression error in " + where + ": " + e.getMessage());
      }
    }
  }

  /** Templates may not include or import anything: no file or classpath access. */
  private static final class NoResources implements ResourceLocator {
    @Override
    public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter)
        throws IOException {
      throw new IOException("templates may not read '" + fullName + "'");
    }
  }
}
