/**
 * Server-side syntax highlighting of API definitions (YAML, JSON, GraphQL SDL, proto3) into escaped
 * HTML lines.
 */
package dev.tarmac.portal.highlight;
