package dev.tarmac.scaffolder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scaffolder settings under {@code tarmac.scaffolder}.
 *
 * @param workers whether this replica runs tasks
 * @param concurrency tasks run at once on this replica
 * @param leaseTimeout how long a claimed task is held without a heartbeat before it counts as
 *     abandoned (its replica died) and is failed with that reason
 * @param pollInterval how long an idle worker sleeps before looking for open tasks
 * @param localGitHost the RepoUrlPicker host that {@code publish:git} maps to bare repositories
 *     under {@code ${tarmac.data-dir}/git}
 */
@ConfigurationProperties("tarmac.scaffolder")
public record ScaffolderSettings(
    @DefaultValue("true") boolean workers,
    @DefaultValue("2") int concurrency,
    @DefaultValue("30s") Duration leaseTimeout,
    @DefaultValue("200ms") Duration pollInterval,
    @DefaultValue("git.tarmac.local") String localGitHost) {}
