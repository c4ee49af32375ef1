package dev.tarmac.portal.web;

import dev.tarmac.metrics.DeliveryMetrics;
import dev.tarmac.portal.view.DeliveryCard;
import org.springframework.stereotype.Component;

/** Builds delivery-metrics cards over the default window (the last 12 full ISO weeks). */
@Component
class DeliveryCards {

  private final DeliveryMetrics metrics;

  DeliveryCards(DeliveryMetrics metrics) {
    this.metrics = metrics;
  }

  /** The card of one service (a component ref). */
  DeliveryCard forService(String ref) {
    return DeliveryCard.of(metrics.report("service:" + ref, null, null, null));
  }

  /** The card of a team (a group ref or name), its services' events pooled. */
  DeliveryCard forTeam(String team) {
    return DeliveryCard.of(metrics.report("team:" + team, null, null, null));
  }

  /** The card of the whole organisation. */
  DeliveryCard forOrganisation() {
    return DeliveryCard.of(metrics.report("org", null, null, null));
  }
}
