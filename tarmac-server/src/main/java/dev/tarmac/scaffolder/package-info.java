/**
 * Software Templates: Backstage v1beta3 templates from the catalog run as tasks claimed with
 * leases, with the Backstage-compatible scaffolder API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog"})
package dev.tarmac.scaffolder;
