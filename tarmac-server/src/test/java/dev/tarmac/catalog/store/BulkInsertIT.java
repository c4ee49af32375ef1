package dev.tarmac.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.TestPostgres;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows inserted in bulk read back exactly as given, on both databases. */
class BulkInsertIT {

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void rowsReadBackAsWritten(String database) {
    DataSource ds =
        database.equals("h2")
            ? new DriverManagerDataSource(
                "jdbc:h2:mem:bulk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
            : new DriverManagerDataSource(TestPostgres.url());
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    jdbc.execute("DROP TABLE IF EXISTS bulk_rows");
    jdbc.execute(
        "CREATE TABLE bulk_rows (id VARCHAR(20), body TEXT, flag BOOLEAN,"
            + " at TIMESTAMP WITH TIME ZONE)");
    OffsetDateTime at = OffsetDateTime.of(2026, 11, 23, 16, 30, 1, 123_456_000, ZoneOffset.UTC);
    // Everything COPY's text format must escape, plus JSON as the catalog stores it.
    List<String> bodies =
        List.of(
            "tab\there",
            "line\nbreak\r\nand carriage",
            "back\\slash \\N \\t",
            "{\"description\":\"two\\nlines \\\"quoted\\\"\",\"name\":\"Zoë ✓\"}",
            "");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      rows.add(new Object[] {"row-" + i, bodies.get(i), i % 2 == 0, at});
    }
    rows.add(new Object[] {"row-null", null, null, null});
    BulkInsert bulk = new BulkInsert(ds, jdbc);
    new TransactionTemplate(new DataSourceTransactionManager(ds))
        .executeWithoutResult(
            s -> bulk.insert("bulk_rows", List.of("id", "body", "flag", "at"), rows));

    List<Map<String, Object>> read = jdbc.queryForList("SELECT * FROM bulk_rows ORDER BY id");
    assertThat(read).hasSize(bodies.size() + 1);
    for (int i = 0; i < bodies.size(); i++) {
      assertThat(read.get(i).get("body")).isEqualTo(bodies.get(i));
      assertThat(read.get(i).get("flag")).isEqualTo(i % 2 == 0);
      assertThat(
              jdbc.queryForObject(
                      "SELECT at FROM bulk_rows WHERE id = ?", OffsetDateTime.class, "row-" + i)
                  .toInstant())
          .isEqualTo(at.toInstant());
    }
    assertThat(read.get(bodies.size()).get("body")).isNull();
    assertThat(read.get(bodies.size()).get("flag")).isNull();
    assertThat(read.get(bodies.size()).get("at")).isNull();
    jdbc.execute("DROP TABLE bulk_rows");
  }
}
