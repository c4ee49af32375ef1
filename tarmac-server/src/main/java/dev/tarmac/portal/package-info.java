/**
 * The portal: the server-rendered web UI (compiled jte templates and htmx) over the catalog,
 * templates and delivery metrics, at Backstage's URLs.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "catalog", "scaffolder", "metrics"})
package dev.tarmac.portal;
