package dev.tarmac.shared;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which sources Tarmac may read ({@code tarmac.reading}): remote hosts and local folders; nothing
 * else is fetched.
 *
 * @param allow host names (optionally {@code host:port}); {@code *.example.com} allows subdomains.
 *     The hosts configured in {@code tarmac.integrations} are allowed as well.
 * @param timeout connect and read timeout for one request
 * @param maxBytes largest response body accepted
 * @param fileRoots folders that {@code file} locations registered at run time (the API, the
 *     portal's import page, the scaffolder's {@code catalog:register}) and everything read under
 *     them may read; unset means the data folder ({@code tarmac.data-dir}). Locations from {@code
 *     tarmac.catalog.locations} are not restricted.
 * @param cacheBytes how much text read from URLs is kept, with its ETag, so that reading it again
 *     asks the host whether it changed ({@code If-None-Match}) instead of downloading it; 0 keeps
 *     none
 */
@ConfigurationProperties("tarmac.reading")
public record ReadingSettings(
    @DefaultValue List<String> allow,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("10485760") long maxBytes,
    List<Path> fileRoots,
    @DefaultValue("16777216") long cacheBytes) {}
