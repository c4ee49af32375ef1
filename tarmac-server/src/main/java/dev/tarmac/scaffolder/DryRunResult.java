package dev.tarmac.scaffolder;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a dry run produced, in Backstage's response shape.
 *
 * @param log the events the run logged
 * @param directoryContents every file written, base64
 * @param output the template output
 * @param steps the steps and their status
 * @param status completed or failed
 * @param error the failure, naming the step, or null
 */
public record DryRunResult(
    List<TaskEvent> log,
    List<FileContent> directoryContents,
    JsonNode output,
    List<TaskStep> steps,
    String status,
    String error) {

  /**
   * A file.
   *
   * @param path workspace-relative path
   * @param base64Content its bytes, base64
   */
  public record FileContent(String path, String base64Content) {}
}
