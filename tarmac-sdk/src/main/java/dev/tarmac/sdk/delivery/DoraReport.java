package dev.tarmac.sdk.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * DORA's four keys for one scope and window under one profile, with the weekly trend; minutes are
 * null when nothing was measured, bands are elite, high, medium, low or n/a.
 *
 * @param scope service:NAME, team:NAME or org
 * @param from the window's first instant
 * @param to the instant after the window
 * @param profile the profile whose bands are used
 * @param deploymentFrequency deployment frequency
 * @param leadTimeForChanges lead time for changes
 * @param changeFailureRate change failure rate
 * @param failedDeploymentRecoveryTime failed deployment recovery time (DORA 2023)
 * @param timeToRestoreService time to restore service (DORA 2021)
 * @param weekly one entry per ISO week intersecting the window
 */
public record DoraReport(
    String scope,
    Instant from,
    Instant to,
    String profile,
    DeploymentFrequency deploymentFrequency,
    LeadTimeForChanges leadTimeForChanges,
    ChangeFailureRate changeFailureRate,
    FailedDeploymentRecoveryTime failedDeploymentRecoveryTime,
    TimeToRestoreService timeToRestoreService,
    List<Week> weekly) {

  /**
   * Deployment frequency.
   *
   * @param deployments successful production deployments finished in the window
   * @param deploymentDays distinct UTC dates they finished on
   * @param deploymentsPerWeek deployments divided by the window's length in weeks
   * @param medianDeploymentDaysPerWeek median deployment days over the ISO weeks of the window
   * @param medianDeploymentDaysPerMonth median deployment days over its calendar months
   * @param band the profile's band
   */
  public record DeploymentFrequency(
      long deployments,
      long deploymentDays,
      double deploymentsPerWeek,
      double medianDeploymentDaysPerWeek,
      double medianDeploymentDaysPerMonth,
      String band) {}

  /**
   * Lead time for changes.
   *
   * @param changes changes whose first production deployment finished in the window
   * @param medianMinutes the median lead time
   * @param lowerMedianMinutes DevLake's lower median, for cross-checks
   * @param band the profile's band
   */
  public record LeadTimeForChanges(
      long changes, Double medianMinutes, Double lowerMedianMinutes, String band) {}

  /**
   * Change failure rate.
   *
   * @param deployments deployments in the window
   * @param failedDeployments those with at least one attributed incident
   * @param rate failed divided by all, null without deployments
   * @param band the profile's band
   */
  public record ChangeFailureRate(
      long deployments, long failedDeployments, Double rate, String band) {}

  /**
   * Failed deployment recovery time.
   *
   * @param incidents incidents attributed to deployments in the window
   * @param unresolved those not resolved before the window ends
   * @param medianMinutes median of resolved minus the earlier of deployment finish and opening
   * @param lowerMedianMinutes DevLake's lower median
   * @param band the profile's band
   */
  public record FailedDeploymentRecoveryTime(
      long incidents,
      long unresolved,
      Double medianMinutes,
      Double lowerMedianMinutes,
      String band) {}

  /**
   * Time to restore service.
   *
   * @param incidents incidents opened in the window and resolved before it ends
   * @param medianMinutes median of resolved minus opened
   * @param lowerMedianMinutes DevLake's lower median
   */
  public record TimeToRestoreService(
      long incidents, Double medianMinutes, Double lowerMedianMinutes) {}

  /**
   * One ISO week of the trend (the week's part inside the window).
   *
   * @param weekStart the Monday
   * @param deployments deployments finished that week
   * @param deploymentDays distinct days with a deployment
   * @param changes changes first deployed that week
   * @param leadTimeMedianMinutes their median lead time
   * @param failedDeployments that week's deployments with an attributed incident
   * @param changeFailureRate failed divided by deployments
   * @param recoveryMedianMinutes median recovery time of that week's failed deployments
   */
  public record Week(
      LocalDate weekStart,
      long deployments,
      long deploymentDays,
      long changes,
      Double leadTimeMedianMinutes,
      long failedDeployments,
      Double changeFailureRate,
      Double recoveryMedianMinutes) {}
}
