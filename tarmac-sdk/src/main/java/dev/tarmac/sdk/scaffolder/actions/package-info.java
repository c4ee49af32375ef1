/**
 * The built-in actions that work on the task's workspace only (fetch, fs, debug, catalog:write).
 */
package dev.tarmac.sdk.scaffolder.actions;
