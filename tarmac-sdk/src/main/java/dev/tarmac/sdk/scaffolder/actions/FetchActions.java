package dev.tarmac.sdk.scaffolder.actions;

import dev.tarmac.sdk.scaffolder.Action;
import dev.tarmac.sdk.scaffolder.ActionContext;
import dev.tarmac.sdk.scaffolder.ActionExample;
import dev.tarmac.sdk.scaffolder.ScaffolderException;
import dev.tarmac.sdk.scaffolder.Values;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code fetch:plain}, {@code fetch:plain:file}, {@code fetch:template}, {@code
 * fetch:template:file}.
 */
public final class FetchActions {

  private static final String NO_OUTPUT = "{\"type\":\"object\"}";

  private FetchActions() {}

  /** The four fetch actions. */
  public static List<Action> all() {
    return List.of(
        new SimpleAction(
            "fetch:plain",
            "Downloads a directory and places it in the workspace as is.",
            """
            {"type":"object","required":["url"],"properties":{
              "url":{"type":"string","description":"Relative path or absolute URL of the directory"},
              "targetPath":{"type":"string","description":"Target path in the workspace","default":"./"},
              "token":{"type":"string"}}}""",
            NO_OUTPUT,
            List.of(
                new ActionExample(
                    "Copy a directory", "action: fetch:plain\ninput:\n  url: ./static\n")),
            FetchActions::plain),
        new SimpleAction(
            "fetch:plain:file",
            "Downloads a single file and places it in the workspace as is.",
            """
            {"type":"object","required":["url","targetPath"],"properties":{
              "url":{"type":"string"},"targetPath":{"type":"string"},"token":{"type":"string"}}}""",
            NO_OUTPUT,
            List.of(
                new ActionExample(
                    "Copy a file",
                    "action: fetch:plain:file\ninput:\n  url: ./LICENSE\n  targetPath: LICENSE\n")),
            FetchActions::plainFile),
        new SimpleAction(
            "fetch:template",
            "Downloads a skeleton, renders its files and file names with the values, and places it in the workspace.",
            """
            {"type":"object","required":["url"],"properties":{
              "url":{"type":"string"},
              "targetPath":{"type":"string","default":"./"},
              "values":{"type":"object"},
              "copyWithoutTemplating":{"type":"array","items":{"type":"string"}},
              "copyWithoutRender":{"type":"array","items":{"type":"string"}},
              "templateFileExtension":{"type":["boolean","string"]},
              "replace":{"type":"boolean"},
              "cookiecutterCompat":{"type":"boolean"},
              "token":{"type":"string"}}}""",
            NO_OUTPUT,
            List.of(
                new ActionExample(
                    "Render a skeleton",
                    "action: fetch:template\ninput:\n  url: ./skeleton\n  values:\n    name: ${{ parameters.name }}\n")),
            ctx -> template(ctx, false)),
        new SimpleAction(
            "fetch:template:file",
            "Downloads a single file, renders it with the values, and places it in the workspace.",
            """
            {"type":"object","required":["url","targetPath"],"properties":{
              "url":{"type":"string"},"targetPath":{"type":"string"},"values":{"type":"object"},
              "replace":{"type":"boolean"},"token":{"type":"string"}}}""",
            NO_OUTPUT,
            List.of(),
            ctx -> template(ctx, true)));
  }

  private static void plain(ActionContext ctx) throws IOException {
    Map<String, byte[]> files = ctx.files().directory(ctx.string("url", ""), ctx.stepId());
    String target = ctx.string("targetPath", "./");
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      write(ctx, target + "/" + e.getKey(), e.getValue(), true);
    }
    ctx.log("Fetched " + files.size() + " files into " + target);
  }

  private static void plainFile(ActionContext ctx) throws IOException {
    byte[] bytes = ctx.files().file(ctx.string("url", ""), ctx.stepId());
    write(ctx, ctx.string("targetPath", ""), bytes, true);
    ctx.log("Fetched " + ctx.string("url", "") + " into " + ctx.string("targetPath", ""));
  }

  private static void template(ActionContext ctx, boolean single) throws IOException {
    if (ctx.input().path("cookiecutterCompat").asBoolean(false)) {
      throw new ScaffolderException(ctx.stepId(), "cookiecutterCompat is not supported");
    }
    Object values = Values.plain(ctx.input().path("values"));
    Map<String, Object> context = new java.util.HashMap<>();
    context.put("values", values == null ? Map.of() : values);
    boolean replace = ctx.input().path("replace").asBoolean(false);
    String url = ctx.string("url", "");
    String target = ctx.string("targetPath", "./");
    if (single) {
      String text = utf8(ctx.files().file(url, ctx.stepId()), url, ctx.stepId());
      write(
          ctx,
          target,
          ctx.expressions()
              .render(text, context, ctx.stepId() + ":" + url)
              .getBytes(StandardCharsets.UTF_8),
          replace);
      ctx.log("Rendered " + url + " into " + target);
      return;
    }
    List<PathMatcher> verbatim = new ArrayList<>();
    for (String key : List.of("copyWithoutTemplating", "copyWithoutRender")) {
      for (JsonNode glob : ctx.input().path(key)) {
        verbatim.add(FileSystems.getDefault().getPathMatcher("glob:" + stripDot(glob.asString())));
      }
    }
    JsonNode ext = ctx.input().path("templateFileExtension");
    String extension =
        ext.isBoolean()
            ? (ext.booleanValue() ? ".njk" : null)
            : ext.isString() ? ext.asString() : null;
    Map<String, byte[]> files = ctx.files().directory(url, ctx.stepId());
    int rendered = 0;
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String path = e.getKey();
      boolean copyOnly = verbatim.stream().anyMatch(m -> m.matches(Path.of(path)));
      String outPath = copyOnly ? path : renderPath(ctx, context, path);
      if (outPath == null) {
        continue;
      }
      boolean render = !copyOnly && (extension == null || path.endsWith(extension));
      if (extension != null && path.endsWith(extension)) {
        outPath = outPath.substring(0, outPath.length() - extension.length());
      }
      byte[] bytes = e.getValue();
      if (render && isText(bytes)) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        bytes =
            ctx.expressions()
                .render(text, context, ctx.stepId() + ":" + path)
                .getBytes(StandardCharsets.UTF_8);
        rendered++;
      }
      write(ctx, target + "/" + outPath, bytes, replace);
    }
    ctx.log(
        "Rendered " + rendered + " of " + files.size() + " files from " + url + " into " + target);
  }

  /** Renders a path's segments; a segment rendering empty drops the file, as Backstage does. */
  private static String renderPath(ActionContext ctx, Map<String, Object> context, String path) {
    if (!path.contains("${{") && !path.contains("{%")) {
      return path;
    }
    String out = ctx.expressions().render(path, context, ctx.stepId() + ":" + path);
    for (String seg : out.split("/", -1)) {
      if (seg.isBlank()) {
        return null;
      }
    }
    return out;
  }

  private static void write(ActionContext ctx, String rel, byte[] bytes, boolean replace)
      throws IOException {
    Path p = ctx.workspace().resolve(rel, ctx.stepId());
    if (!replace && Files.exists(p)) {
      return;
    }
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  private static String stripDot(String glob) {
    return glob.startsWith("./") ? glob.substring(2) : glob;
  }

  private static boolean isText(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      for (byte b : bytes) {
        if (b == 0) {
          return false;
        }
      }
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String utf8(byte[] bytes, String url, String step) {
    if (!isText(bytes)) {
      throw new ScaffolderException(step, url + " is not a text file");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
