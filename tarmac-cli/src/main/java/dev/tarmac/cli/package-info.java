/** The {@code tarmac} command line: Tarmac's catalog engine for CI pipelines, no server needed. */
package dev.tarmac.cli;
