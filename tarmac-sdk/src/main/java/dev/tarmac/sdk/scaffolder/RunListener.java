package dev.tarmac.sdk.scaffolder;

/** Receives a run's events as they happen (log lines are already masked). */
public interface RunListener {

  /** A log line, for a step or (stepId null) for the task. */
  void log(String stepId, String message);

  /** A step changed status: processing, completed, failed, skipped or cancelled. */
  void step(String stepId, String status);

  /** A listener that ignores everything. */
  RunListener NONE =
      new RunListener() {
        @Override
        public void log(String stepId, String message) {}

        @Override
        public void step(String stepId, String status) {}
      };
}
