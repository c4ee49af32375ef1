package dev.tarmac.catalog;

/** The catalog contract on the embedded default, H2. */
class CatalogH2IT extends CatalogContract {}
