package ${{ values.javaPackage }};

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The job; its runs are counted in the {@code job_runs_total} metric. */
@Component
public class Job {

  private static final Logger LOG = LoggerFactory.getLogger(Job.class);
  private final Counter runs;

  public Job(MeterRegistry registry) {
    this.runs = Counter.builder("job.runs").description("Completed runs of ${{ values.name }}").register(registry);
  }

  @Scheduled(cron = "${job.cron}")
  public void run() {
    LOG.info("${{ values.name }} ran");
    runs.increment();
  }

  double completedRuns() {
    return runs.count();
  }
}
