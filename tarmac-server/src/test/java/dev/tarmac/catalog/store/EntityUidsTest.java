package dev.tarmac.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntityUidsTest {

  @Test
  void aUidIsAVersion7UuidCarryingItsCreationTime() {
    UUID uid = UUID.fromString(EntityUids.at(1_765_000_000_123L, UUID.randomUUID()));

    assertThat(uid.version()).isEqualTo(7);
    assertThat(uid.variant()).isEqualTo(2);
    assertThat(uid.getMostSignificantBits() >>> 16).isEqualTo(1_765_000_000_123L);
  }

  @Test
  void uidsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
    UUID random = new UUID(-1L, -1L); // the largest random bits cannot lift an earlier uid above
    String earlier = EntityUids.at(1_765_000_000_123L, random);
    String later = EntityUids.at(1_765_000_000_124L, new UUID(0L, 0L));

    assertThat(later).isGreaterThan(earlier);
    assertThat(EntityUids.at(1_765_000_000_124L, new UUID(0L, 0L)))
        .isEqualTo("019af232-b27c-7000-8000-000000000000");
  }

  @Test
  void uidsMadeInTheSameMillisecondDiffer() {
    Set<String> uids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      uids.add(EntityUids.next());
    }

    assertThat(uids).hasSize(100_000);
  }
}
