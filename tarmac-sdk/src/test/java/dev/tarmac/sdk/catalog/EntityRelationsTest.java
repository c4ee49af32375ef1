package dev.tarmac.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRelationsTest {

  private static List<String> relations(String yaml) {
    return EntityRelations.derive(EntityYaml.read("t.yaml", yaml).get(0).entity()).stream()
        .map(r -> r.source() + " " + r.type() + " " + r.target())
        .toList();
  }

  @Test
  void componentDerivesEveryRelationInBothDirections() {
    List<String> r =
        relations(
            """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: svc, namespace: ns}
        spec:
          type: service
          lifecycle: production
          owner: team-a
          system: payments
          subcomponentOf: platform
          providesApis: [zeta, alpha]
          consumesApis: ['component:legacy']
          dependsOn: ['resource:db']
          dependencyOf: ['component:default/app']
        """);
    assertThat(r)
        .containsExactly(
            "component:ns/svc ownedBy group:ns/team-a",
            "group:ns/team-a ownerOf component:ns/svc",
            "component:ns/svc partOf system:ns/payments",
            "system:ns/payments hasPart component:ns/svc",
            "component:ns/svc partOf component:ns/platform",
            "component:ns/platform hasPart component:ns/svc",
            "component:ns/svc providesApi api:ns/alpha",
            "api:ns/alpha apiProvidedBy component:ns/svc",
            "component:ns/svc providesApi api:ns/zeta",
            "api:ns/zeta apiProvidedBy component:ns/svc",
            "component:ns/svc consumesApi component:ns/legacy",
            "component:ns/legacy apiConsumedBy component:ns/svc",
            "component:ns/svc dependsOn resource:ns/db",
            "resource:ns/db dependencyOf component:ns/svc",
            "component:ns/svc dependencyOf component:default/app",
            "component:default/app dependsOn component:ns/svc");
  }

  @Test
  void groupsAndUsers() {
    assertThat(
            relations(
                """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team}
        spec: {type: team, parent: dept, children: [sub], members: [jane]}
        """))
        .containsExactly(
            "group:default/team childOf group:default/dept",
            "group:default/dept parentOf group:default/team",
            "group:default/team parentOf group:default/sub",
            "group:default/sub childOf group:default/team",
            "group:default/team hasMember user:default/jane",
            "user:default/jane memberOf group:default/team");
    assertThat(
            relations(
                """
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: {name: jane}
        spec: {memberOf: [team, 'group:other/guild']}
        """))
        .containsExactly(
            "user:default/jane memberOf group:other/guild",
            "group:other/guild hasMember user:default/jane",
            "user:default/jane memberOf group:default/team",
            "group:default/team hasMember user:default/jane");
  }

  @Test
  void systemsDomainsApisResourcesAndTemplates() {
    assertThat(
            relations(
                "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: {name: s}\n"
                    + "spec: {owner: 'user:bob', domain: d}\n"))
        .contains(
            "system:default/s ownedBy user:default/bob",
            "system:default/s partOf domain:default/d");
    assertThat(
            relations(
                "apiVersion: backstage.io/v1alpha1\nkind: Domain\nmetadata: {name: d}\n"
                    + "spec: {owner: o, subdomainOf: top}\n"))
        .contains(
            "domain:default/d partOf domain:default/top",
            "domain:default/top hasPart domain:default/d");
    assertThat(
            relations(
                "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: a}\n"
                    + "spec: {type: openapi, lifecycle: x, owner: o, system: s, definition: x}\n"))
        .contains("api:default/a partOf system:default/s");
    assertThat(
            relations(
                "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata: {name: r}\n"
                    + "spec: {type: db, owner: o, system: s, dependsOn: ['resource:disk']}\n"))
        .contains(
            "resource:default/r dependsOn resource:default/disk",
            "resource:default/r partOf system:default/s");
    assertThat(
            relations(
                "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\n"
                    + "metadata: {name: t}\nspec: {owner: platform, type: service, steps: []}\n"))
        .containsExactly(
            "template:default/t ownedBy group:default/platform",
            "group:default/platform ownerOf template:default/t");
  }

  @Test
  void dependsOnWithoutAKindFailsNamingTheField() {
    assertThatThrownBy(
            () ->
                relations(
                    "apiVersion: backstage.io/v1alpha1\nkind: Component\n"
                        + "metadata: {name: c}\nspec: {type: s, lifecycle: l, owner: o, dependsOn: [db]}\n"))
        .hasMessageStartingWith("spec.dependsOn: ")
        .hasMessageContaining("missing or empty kind");
  }
}
