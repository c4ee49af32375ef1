package dev.tarmac.portal.view;

import dev.tarmac.scaffolder.ScaffolderTask;
import java.util.List;

/**
 * The page of one template run: status, steps, the log and, when done, the output links.
 *
 * @param task the task
 * @param log log lines after the event the page was asked for, oldest first
 * @param lastEvent the id of the newest event read, for the next poll to continue from
 * @param links output links (title, url)
 * @param text output text blocks
 * @param finished whether the task has ended (completed, failed or cancelled)
 */
public record TaskPage(
    ScaffolderTask task,
    List<String> log,
    long lastEvent,
    List<EntityDetails.Link> links,
    List<String> text,
    boolean finished) {}
