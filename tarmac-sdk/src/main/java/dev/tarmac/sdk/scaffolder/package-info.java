/**
 * The Software Templates engine: Backstage {@code scaffolder.backstage.io/v1beta3} templates,
 * parameter validation, sandboxed {@code ${{ }}} expressions, the action SPI and the step runner.
 */
package dev.tarmac.sdk.scaffolder;
