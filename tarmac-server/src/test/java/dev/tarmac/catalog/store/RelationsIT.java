package dev.tarmac.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.sdk.catalog.EntityRelations;
import dev.tarmac.sdk.catalog.EntityYaml;
import dev.tarmac.sdk.catalog.Relation;
import dev.tarmac.support.MigratedDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each relation pair is stored once, by the entity that declares it, and read from both directions
 * when stitching, on both databases.
 */
class RelationsIT {

  private static final String COMPONENT =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: shop}
      spec: {type: service, lifecycle: production, owner: team-a, dependsOn: ['resource:db']}
      """;

  private static final String RESOURCE =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Resource
      metadata: {name: db}
      spec: {type: database, owner: team-a, dependencyOf: ['component:shop']}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aPairIsStoredOnceAndReadFromBothSides(String database) {
    DataSource ds = MigratedDatabase.create(database, "tarmac_rel_", null);
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    Relations relations = relations(ds, jdbc);
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));

    Set<String> touched = tx.execute(s -> replace(relations, "component:default/shop", COMPONENT));
    assertThat(touched)
        .containsExactlyInAnyOrder(
            "component:default/shop", "group:default/team-a", "resource:default/db");
    tx.executeWithoutResult(s -> replace(relations, "resource:default/db", RESOURCE));
    // Four relations each, two of them the reverse halves of the other two.
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM catalog_relation", Integer.class))
        .isEqualTo(4);

    assertThat(
            rows(
                relations.bySources(
                    List.of(
                        "component:default/shop", "resource:default/db", "group:default/team-a"))))
        .containsExactly(
            "component:default/shop dependsOn resource:default/db",
            "component:default/shop ownedBy group:default/team-a",
            "group:default/team-a ownerOf component:default/shop",
            "group:default/team-a ownerOf resource:default/db",
            "resource:default/db dependencyOf component:default/shop",
            "resource:default/db ownedBy group:default/team-a");

    // The component drops its relations: the team and the resource are touched, and the
    // resource's own declaration of the dependency stays.
    touched =
        tx.execute(s -> relations.replace(List.of("component:default/shop"), List.of(), List.of()));
    assertThat(touched)
        .containsExactlyInAnyOrder(
            "component:default/shop", "group:default/team-a", "resource:default/db");
    assertThat(rows(relations.bySources(List.of("component:default/shop"))))
        .containsExactly("component:default/shop dependsOn resource:default/db");
    touched = tx.execute(s -> relations.deleteOriginating(List.of("resource:default/db")));
    assertThat(touched)
        .containsExactlyInAnyOrder(
            "resource:default/db", "group:default/team-a", "component:default/shop");
    assertThat(relations.bySources(List.of("group:default/team-a"))).isEmpty();

    // A type whose reverse stitching could not derive is refused, failing the caller's transaction.
    Relation odd =
        new Relation(
            "friendOf",
            EntityRef.parse("component:default/shop"),
            EntityRef.parse("component:default/cart"));
    assertThatThrownBy(
            () ->
                relations.replace(
                    List.of("component:default/shop"),
                    List.of(odd),
                    List.of("component:default/shop")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No reverse known for relation type friendOf");
    assertThat(relations.bySources(List.of("component:default/cart"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void theMigrationKeepsTheDeclaredHalfOfEachStoredPair(String database) {
    DataSource ds = MigratedDatabase.create(database, "tarmac_rel_", "41");
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    String insert =
        "INSERT INTO catalog_relation (originating_entity_ref, source_entity_ref, type,"
            + " target_entity_ref) VALUES (?, ?, ?, ?)";
    jdbc.update(insert, "user:default/ann", "user:default/ann", "memberOf", "group:default/g");
    jdbc.update(insert, "user:default/ann", "group:default/g", "hasMember", "user:default/ann");
    MigratedDatabase.migrate(ds, null);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM catalog_relation", Integer.class))
        .isEqualTo(1);
    assertThat(rows(relations(ds, jdbc).bySources(List.of("group:default/g", "user:default/ann"))))
        .containsExactly(
            "group:default/g hasMember user:default/ann",
            "user:default/ann memberOf group:default/g");
  }

  private static Relations relations(DataSource ds, JdbcTemplate jdbc) {
    return new Relations(
        JdbcClient.create(ds), new BulkInsert(ds, jdbc), new TableStatistics(jdbc, ds));
  }

  private static Set<String> replace(Relations relations, String ref, String yaml) {
    List<Relation> derived =
        EntityRelations.derive(EntityYaml.read("t.yaml", yaml).get(0).entity());
    List<String> origins = new ArrayList<>();
    derived.forEach(r -> origins.add(ref));
    return relations.replace(List.of(ref), derived, origins);
  }

  private static List<String> rows(List<String[]> relations) {
    return relations.stream().map(r -> String.join(" ", r)).toList();
  }
}
