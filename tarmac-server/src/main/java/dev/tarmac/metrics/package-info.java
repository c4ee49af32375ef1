/** Delivery metrics: DORA's four keys computed from deployment, change and incident events. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog"})
package dev.tarmac.metrics;
