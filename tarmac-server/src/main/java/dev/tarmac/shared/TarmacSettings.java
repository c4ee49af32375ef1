package dev.tarmac.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Instance-wide settings under {@code tarmac}.
 *
 * @param dataDir folder for the embedded database, git clones and indexes
 * @param demo whether the demo organisation is registered on start-up
 * @param instanceId identifies this replica in leases; defaults to a random id
 */
@ConfigurationProperties("tarmac")
public record TarmacSettings(
    @DefaultValue("./data") Path dataDir, @DefaultValue("true") boolean demo, String instanceId) {}
