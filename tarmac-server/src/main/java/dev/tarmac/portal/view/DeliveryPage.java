package dev.tarmac.portal.view;

import java.util.List;

/**
 * The DORA dashboard: the organisation's or one team's four keys, and where to go next.
 *
 * @param title what the page covers
 * @param card the four keys
 * @param teams team refs, on the organisation page
 * @param services the team's services, on a team page
 */
public record DeliveryPage(
    String title, DeliveryCard card, List<String> teams, List<EntitySummary> services) {}
