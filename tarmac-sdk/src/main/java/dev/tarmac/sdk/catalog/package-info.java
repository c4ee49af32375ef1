/** The Backstage entity model: references, validation, relation rules and catalog file reading. */
package dev.tarmac.sdk.catalog;
