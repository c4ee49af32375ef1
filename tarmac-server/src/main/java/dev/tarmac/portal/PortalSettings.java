package dev.tarmac.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Portal settings ({@code tarmac.portal}).
 *
 * @param user the person the portal treats as signed in until sign-in exists (a User entity ref; on
 *     the embedded default, someone from the demo organisation)
 * @param pageSize rows per catalog page
 */
@ConfigurationProperties("tarmac.portal")
public record PortalSettings(
    @DefaultValue("user:default/amara.okafor") String user, @DefaultValue("25") int pageSize) {}
