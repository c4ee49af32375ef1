/**
 * The software catalog: entities of every Backstage kind, their locations, processing, relations,
 * search and the Backstage-compatible catalog API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.tarmac.catalog;
