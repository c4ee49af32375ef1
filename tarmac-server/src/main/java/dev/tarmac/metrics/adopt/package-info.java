/**
 * Follows catalog changes: forgets the services view when components change, and moves events
 * stored under a name the catalog did not know to the component's ref once it does.
 */
package dev.tarmac.metrics.adopt;
