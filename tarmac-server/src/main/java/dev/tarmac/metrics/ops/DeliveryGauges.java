package dev.tarmac.metrics.ops;

import dev.tarmac.metrics.DeliveryMetrics;
import dev.tarmac.sdk.delivery.DoraReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * DORA figures per team for Prometheus over the default window: deployments per week, median lead
 * time, change failure rate and median failed-deployment recovery time; refreshed every minute.
 */
@Component
public class DeliveryGauges {

  private final DeliveryMetrics metrics;
  private final MultiGauge deploymentsPerWeek;
  private final MultiGauge leadTime;
  private final MultiGauge failureRate;
  private final MultiGauge recovery;

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
    List<MultiGauge.Row<?>> df = new ArrayList<>();
    List<MultiGauge.Row<?>> lt = new ArrayList<>();
    List<MultiGauge.Row<?>> cfr = new ArrayList<>();
    List<MultiGauge.Row<?>> rec = new ArrayList<>();
    for (String team : metrics.teams().keySet()) {
      DoraReport r = metrics.report("team:" + team, null, null, null);
      Tags tags = Tags.of("team", team);
      df.add(MultiGauge.Row.of(tags, r.deploymentFrequency().deploymentsPerWeek()));
      lt.add(MultiGauge.Row.of(tags, nan(r.leadTimeForChanges().medianMinutes())));
      cfr.add(MultiGauge.Row.of(tags, nan(r.changeFailureRate().rate())));
      rec.add(MultiGauge.Row.of(tags, nan(r.failedDeploymentRecoveryTime().medianMinutes())));
    }
    deploymentsPerWeek.register(df, true);
    leadTime.register(lt, true);
    failureRate.register(cfr, true);
    recovery.register(rec, true);
  }

  private static double nan(Double v) {
    return v == null ? Double.NaN : v;
  }
}
