package dev.tarmac.metrics.ops;

import dev.tarmac.metrics.DeliveryMetrics;
import dev.tarmac.sdk.delivery.DoraReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * DORA figures per team for Prometheus over the default window: deployments per week, median lead
 * time, change failure rate and median failed-deployment recovery time. Checked every minute and
 * recomputed when events arrived through this replica, a team's components or the day changed, or
 * ten minutes passed (events other replicas took in); an idle instance computes nothing.
 */
@Component
public class DeliveryGauges {

  private static final Duration SAFETY = Duration.ofMinutes(10);

  private final DeliveryMetrics metrics;
  private final MultiGauge deploymentsPerWeek;
  private final MultiGauge leadTime;
  private final MultiGauge failureRate;
  private final MultiGauge recovery;
  private Object lastInputs;
  private Instant lastRefresh = Instant.EPOCH;

  /** Registers the gauges. */
  public DeliveryGauges(DeliveryMetrics metrics, MeterRegistry registry) {
    this.metrics = metrics;
    deploymentsPerWeek =
        MultiGauge.builder("tarmac.delivery.deployments.per.week")
            .description("Successful production deployments per week, by team")
            .register(registry);
    leadTime =
        MultiGauge.builder("tarmac.delivery.lead.time.median")
            .description("Median lead time for changes, by team")
            .baseUnit("minutes")
            .register(registry);
    failureRate =
        MultiGauge.builder("tarmac.delivery.change.failure.rate")
            .description("Share of deployments with an attributed incident, by team")
            .register(registry);
    recovery =
        MultiGauge.builder("tarmac.delivery.recovery.time.median")
            .description("Median failed deployment recovery time, by team")
            .baseUnit("minutes")
            .register(registry);
  }

  /** Recomputes every team's report. */
  @Scheduled(initialDelay = 5_000, fixedDelay = 60_000)
  public void refresh() {
    Map<String, Set<String>> teams = metrics.teams();
    Instant now = Instant.now();
    List<Object> inputs =
        List.of(metrics.intakeCount(), teams, LocalDate.ofInstant(now, ZoneOffset.UTC));
    if (inputs.equals(lastInputs) && now.isBefore(lastRefresh.plus(SAFETY))) {
      return;
    }
    List<MultiGauge.Row<?>> df = new ArrayList<>();
    List<MultiGauge.Row<?>> lt = new ArrayList<>();
    List<MultiGauge.Row<?>> cfr = new ArrayList<>();
    List<MultiGauge.Row<?>> rec = new ArrayList<>();
    for (Map.Entry<String, DoraReport> e :
        metrics.teamReports(teams.keySet(), null, null).entrySet()) {
      DoraReport r = e.getValue();
      Tags tags = Tags.of("team", e.getKey());
      df.add(MultiGauge.Row.of(tags, r.deploymentFrequency().deploymentsPerWeek()));
      lt.add(MultiGauge.Row.of(tags, nan(r.leadTimeForChanges().medianMinutes())));
      cfr.add(MultiGauge.Row.of(tags, nan(r.changeFailureRate().rate())));
      rec.add(MultiGauge.Row.of(tags, nan(r.failedDeploymentRecoveryTime().medianMinutes())));
    }
    deploymentsPerWeek.register(df, true);
    leadTime.register(lt, true);
    failureRate.register(cfr, true);
    recovery.register(rec, true);
    lastInputs = inputs;
    lastRefresh = now;
  }

  private static double nan(Double v) {
    return v == null ? Double.NaN : v;
  }
}
