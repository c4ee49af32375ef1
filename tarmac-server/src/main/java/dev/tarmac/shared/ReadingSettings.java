package dev.tarmac.shared;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which remote hosts Tarmac may read from ({@code tarmac.reading}); nothing else is fetched.
 *
 * @param allow host names (optionally {@code host:port}); {@code *.example.com} allows subdomains
 * @param timeout connect and read timeout for one request
 * @param maxBytes largest response body accepted
 */
@ConfigurationProperties("tarmac.reading")
public record ReadingSettings(
    @DefaultValue List<String> allow,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("10485760") long maxBytes) {}
