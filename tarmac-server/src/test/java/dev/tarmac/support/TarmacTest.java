package dev.tarmac.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring test context integration tests share: the whole application on a random port, an
 * in-memory H2 database private to this test run, the demo organisation loaded, every kind allowed
 * from registered locations, and file locations registered through the API allowed in the data
 * folder, the test fixtures and the temporary folder the tests write catalogs into (JUnit's
 * {@code @TempDir}, {@code Files.createTempDirectory}). Keep it identical everywhere so the context
 * is built once.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:tarmac-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "tarmac.data-dir=target/it-data",
      "tarmac.demo=true",
      "tarmac.catalog.poll-interval=50ms",
      "tarmac.catalog.rules[0].allow=Component,API,Resource,System,Domain,Group,User,Location,Template",
      "tarmac.reading.allow=127.0.0.1",
      "tarmac.reading.file-roots=target/it-data,src/test/resources/fixtures,${java.io.tmpdir}",
      "tarmac.metrics.github-secret=it-github-secret",
      "tarmac.metrics.gitlab-token=it-gitlab-token"
    })
public @interface TarmacTest {}
