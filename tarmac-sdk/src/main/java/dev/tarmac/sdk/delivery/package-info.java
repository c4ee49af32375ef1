/**
 * Delivery metrics (DORA's four keys) computed from deployment, change and incident events: the
 * event records, profiles, the calculator and commit-range resolution; no server needed.
 */
package dev.tarmac.sdk.delivery;
