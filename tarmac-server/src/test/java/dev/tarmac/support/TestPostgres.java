package dev.tarmac.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database private to this test run, created on first use and dropped when the JVM
 * exits. The server comes from {@code TARMAC_TEST_POSTGRES_URL} (a JDBC URL of an admin database),
 * else 127.0.0.1:5432 as user postgres. Without a server the tests skip, except on CI ({@code
 * CI=true}), where they fail.
 */
public final class TestPostgres {

  private static final String DEFAULT_ADMIN_URL =
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  private static String url;

  private TestPostgres() {}

  /** The JDBC URL of this run's own database. */
  public static synchronized String url() {
    if (url == null) {
      url = create("tarmac_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }
    return url;
  }

  /** Creates another database private to this run (for tests that need a second one). */
  public static String create(String name) {
    String admin = adminUrl();
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      String message =
          "PostgreSQL is not reachable at "
              + admin
              + " ("
              + e.getMessage()
              + "); set TARMAC_TEST_POSTGRES_URL to a JDBC URL of an admin database to run these tests";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message, e);
      }
      Assumptions.abort(message);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name)));
    int q = admin.indexOf('?');
    String base = q < 0 ? admin : admin.substring(0, q);
    String params = q < 0 ? "" : admin.substring(q);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
  }

  private static void drop(String admin, String name) {
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("Could not drop test database " + name + ": " + e.getMessage());
    }
  }

  private static String adminUrl() {
    String env = System.getenv("TARMAC_TEST_POSTGRES_URL");
    String admin = env == null || env.isBlank() ? DEFAULT_ADMIN_URL : env.trim();
    if (!admin.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException("TARMAC_TEST_POSTGRES_URL must be a jdbc:postgresql: URL");
    }
    return admin;
  }
}
