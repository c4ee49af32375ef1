package dev.tarmac.portal.view;

import dev.tarmac.scaffolder.ScaffolderTask;
import java.util.List;

/**
 * The page of one template run: status, steps, the log and, when done, the output links.
 *
 * @param task the task
 * @param log log lines, oldest first
 * @param links output links (title, url)
 * @param text output text blocks
 * @param finished whether the task has ended (completed, failed or cancelled)
 */
public record TaskPage(
    ScaffolderTask task,
    List<String> log,
    List<EntityDetails.Link> links,
    List<String> text,
    boolean finished) {}
