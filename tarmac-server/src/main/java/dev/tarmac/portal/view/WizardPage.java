package dev.tarmac.portal.view;

import dev.tarmac.scaffolder.TemplateSummary;
import java.util.List;
import java.util.Map;

/**
 * One page of the template wizard: a parameter step, or the review before creating.
 *
 * @param template the template
 * @param path where the form posts
 * @param stepTitles the title of every step, for the progress list
 * @param step the step shown, from 0; equal to the number of steps on the review page
 * @param fields the step's fields
 * @param answers every answer so far, as JSON, carried between pages
 * @param secrets secret answers so far, as JSON, carried between pages
 * @param review the answers in words on the review page, name to value
 * @param error a problem not tied to one field, or empty
 */
public record WizardPage(
    TemplateSummary template,
    String path,
    List<String> stepTitles,
    int step,
    List<FormField> fields,
    String answers,
    String secrets,
    Map<String, String> review,
    String error) {

  /** Whether this is the review page. */
  public boolean reviewing() {
    return step >= stepTitles.size();
  }
}
