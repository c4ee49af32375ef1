package dev.tarmac.metrics;

import java.time.Instant;

/**
 * A stored event whose service is not a catalog component.
 *
 * @param type deployment, change or incident
 * @param id the event id (the sha for changes)
 * @param service the service as sent
 * @param receivedAt when Tarmac stored it
 */
public record UnknownServiceEvent(String type, String id, String service, Instant receivedAt) {}
