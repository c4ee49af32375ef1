package dev.tarmac.metrics.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.sdk.delivery.Change;
import dev.tarmac.sdk.delivery.Deployment;
import dev.tarmac.sdk.delivery.Incident;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDeliveryHistoryTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  record Events(List<Deployment> deployments, List<Change> changes, List<Incident> incidents) {}

  static Events days(LocalDate today) {
    Events e = new Events(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    DemoDeliveryHistory.days(today, e.deployments(), e.changes(), e.incidents());
    return e;
  }

  @Test
  void theSameDaysGiveTheSameEventsAndALaterDayOnlyAddsItsOwn() {
    Events once = days(TODAY);
    assertThat(days(TODAY)).isEqualTo(once);
    Events tomorrow = days(TODAY.plusDays(1));
    Set<String> ids = once.deployments().stream().map(Deployment::id).collect(Collectors.toSet());
    // A day later the window moved by a day: what both cover is the same events, with the same ids.
    assertThat(
            tomorrow.deployments().stream()
                .filter(d -> !d.id().contains(TODAY.toString()))
                .filter(d -> !d.id().contains(TODAY.minusWeeks(12).toString())))
        .allMatch(d -> ids.contains(d.id()));
  }

  @Test
  void everyEventHappenedOnAWorkingDayOfTheLastTwelveWeeksInOrder() {
    Events e = days(TODAY);
    Instant start = TODAY.minusWeeks(12).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    assertThat(e.deployments()).hasSizeGreaterThan(100);
    for (Deployment d : e.deployments()) {
      assertThat(d.finishedAt()).isAfter(d.startedAt()).isAfter(start).isBefore(end);
      DayOfWeek day = d.startedAt().atZone(ZoneOffset.UTC).getDayOfWeek();
      assertThat(day).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      assertThat(d.environment()).isEqualTo(Deployment.PRODUCTION);
    }
    Map<String, Deployment> bySha = new java.util.HashMap<>();
    e.deployments().forEach(d -> d.commitShas().forEach(s -> bySha.putIfAbsent(s, d)));
    for (Change c : e.changes()) {
      Deployment shipped = bySha.get(c.sha());
      assertThat(shipped).as(c.sha()).isNotNull();
      assertThat(c.sha()).matches("[0-9a-f]{40}");
      assertThat(c.authoredAt()).isBefore(c.committedAt());
      assertThat(c.pr().openedAt()).isBeforeOrEqualTo(c.pr().mergedAt());
      assertThat(c.pr().mergedAt()).isBefore(shipped.startedAt());
    }
    Set<String> successful = new HashSet<>();
    e.deployments().stream()
        .filter(d -> d.status().equals(Deployment.SUCCESS))
        .forEach(d -> successful.add(d.id()));
    assertThat(e.incidents()).isNotEmpty();
    for (Incident i : e.incidents()) {
      assertThat(successful).contains(i.causedByDeployment());
      assertThat(i.resolvedAt()).isAfter(i.openedAt());
    }
    // Every demo service ships, from a team that ships most days to one that ships now and then.
    Map<String, Long> perService =
        e.deployments().stream()
            .filter(d -> d.status().equals(Deployment.SUCCESS))
            .collect(Collectors.groupingBy(Deployment::service, Collectors.counting()));
    assertThat(perService).hasSize(DemoDeliveryHistory.HABITS.size());
    assertThat(perService.get("booking-service")).isGreaterThan(perService.get("invoice-service"));
  }
}
