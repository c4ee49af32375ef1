package dev.tarmac.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery-metrics settings under {@code tarmac.metrics}.
 *
 * @param defaultWeeks the default window: this many whole ISO weeks before now
 * @param githubSecret the secret GitHub webhooks are signed with (X-Hub-Signature-256)
 * @param gitlabToken the token GitLab webhooks send in X-Gitlab-Token
 * @param batchSize events written per database batch
 * @param gitBase the clone URL prefix a component's {@code github.com/project-slug} is resolved
 *     against when a deployment names only its head commit
 */
@ConfigurationProperties("tarmac.metrics")
public record MetricsSettings(
    @DefaultValue("12") int defaultWeeks,
    String githubSecret,
    String gitlabToken,
    @DefaultValue("1000") int batchSize,
    @DefaultValue("https://github.com/") String gitBase) {}
