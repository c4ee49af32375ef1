package dev.tarmac.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRelationsTest {

  /** Each relation as "source type target". */
  private static List<String> relations(String yaml) {
    return EntityRelations.derive(EntityYaml.read("t.yaml", yaml).get(0).entity()).stream()
        .map(r -> r.source() + " " + r.type() + " " + r.target())
        .toList();
  }

  @Test
  void componentDerivesEveryRelationInBothDirections() {
    assertThat(
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
                """))
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
            // An explicit kind wins, even a "wrong" one.
            "component:ns/svc consumesApi component:ns/legacy",
            "component:ns/legacy apiConsumedBy component:ns/svc",
            "component:ns/svc dependsOn resource:ns/db",
            "resource:ns/db dependencyOf component:ns/svc",
            "component:ns/svc dependencyOf component:default/app",
            "component:default/app dependsOn component:ns/svc");
  }

  @Test
  void groupParentChildrenAndMembers() {
    assertThat(
            relations(
                """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: team, namespace: org}
                spec: {type: team, parent: dept, children: [sub, 'other/guild'], members: [jane]}
                """))
        .containsExactly(
            "group:org/team childOf group:org/dept",
            "group:org/dept parentOf group:org/team",
            "group:org/team parentOf group:other/guild",
            "group:other/guild childOf group:org/team",
            "group:org/team parentOf group:org/sub",
            "group:org/sub childOf group:org/team",
            "group:org/team hasMember user:org/jane",
            "user:org/jane memberOf group:org/team");
  }

  @Test
  void userMemberOf() {
    assertThat(
            relations(
                """
                apiVersion: backstage.io/v1alpha1
                kind: User
                metadata: {name: jane}
                spec: {memberOf: [team, 'group:other/guild', team]}
                """))
        .containsExactly(
            "user:default/jane memberOf group:other/guild",
            "group:other/guild hasMember user:default/jane",
            "user:default/jane memberOf group:default/team",
            "group:default/team hasMember user:default/jane");
  }

  @Test
  void systemOwnerAndDomain() {
    assertThat(
            relations(
                """
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata: {name: s}
                spec: {owner: 'user:bob', domain: d}
                """))
        .containsExactly(
            "system:default/s ownedBy user:default/bob",
            "user:default/bob ownerOf system:default/s",
            "system:default/s partOf domain:default/d",
            "domain:default/d hasPart system:default/s");
  }

  @Test
  void domainOwnerAndSubdomainOf() {
    assertThat(
            relations(
                """
                apiVersion: backstage.io/v1alpha1
                kind: Domain
                metadata: {name: d}
                spec: {owner: o, subdomainOf: top}
                """))
        .containsExactly(
            "domain:default/d ownedBy group:default/o",
            "group:default/o ownerOf domain:default/d",
            "domain:default/d partOf domain:default/top",
            "domain:default/top hasPart domain:default/d");
  }

  @Test
  void apiOwnerAndSystem() {
    assertThat(
            relations(
                """
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: a, namespace: x}
                spec: {type: openapi, lifecycle: l, owner: o, system: 'default/s', definition: d}
                """))
        .containsExactly(
            "api:x/a ownedBy group:x/o",
            "group:x/o ownerOf api:x/a",
            "api:x/a partOf system:default/s",
            "system:default/s hasPart api:x/a");
  }

  @Test
  void resourceOwnerSystemAndDependencies() {
    assertThat(
            relations(
                """
                apiVersion: backstage.io/v1alpha1
                kind: Resource
                metadata: {name: r}
                spec:
                  type: db
                  owner: o
                  system: s
                  dependsOn: ['resource:disk']
                  dependencyOf: ['component:app']
                """))
        .containsExactly(
            "resource:default/r ownedBy group:default/o",
            "group:default/o ownerOf resource:default/r",
            "resource:default/r partOf system:default/s",
            "system:default/s hasPart resource:default/r",
            "resource:default/r dependsOn resource:default/disk",
            "resource:default/disk dependencyOf resource:default/r",
            "resource:default/r dependencyOf component:default/app",
            "component:default/app dependsOn resource:default/r");
  }

  @Test
  void templateOwner() {
    assertThat(
            relations(
                """
                apiVersion: scaffolder.backstage.io/v1beta3
                kind: Template
                metadata: {name: t}
                spec: {owner: platform, type: service, steps: []}
                """))
        .containsExactly(
            "template:default/t ownedBy group:default/platform",
            "group:default/platform ownerOf template:default/t");
  }

  @Test
  void compoundRefsAreAccepted() {
    assertThat(
            relations(
                """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: c}
                spec: {type: s, lifecycle: l, owner: {kind: User, name: Jane}}
                """))
        .containsExactly(
            "component:default/c ownedBy user:default/jane",
            "user:default/jane ownerOf component:default/c");
  }

  @Test
  void locationsAndUnspecifiedFieldsDeriveNothing() {
    assertThat(
            relations(
                "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: l}\n"
                    + "spec: {target: ./x.yaml}\n"))
        .isEmpty();
    assertThat(
            relations(
                "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: g}\n"
                    + "spec: {type: team, children: []}\n"))
        .isEmpty();
  }

  @Test
  void dependsOnWithoutAKindFailsNamingTheField() {
    assertThatThrownBy(
            () ->
                relations(
                    """
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: c}
                    spec: {type: s, lifecycle: l, owner: o, dependsOn: [db]}
                    """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "spec.dependsOn: Entity reference \"db\" had missing or empty kind (e.g. did not start"
                + " with \"component:\" or similar)");
  }

  @Test
  void aMalformedRefFailsNamingTheField() {
    assertThatThrownBy(
            () ->
                relations(
                    "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: {name: s}\n"
                        + "spec: {owner: 'group:/x'}\n"))
        .hasMessage(
            "spec.owner: Entity reference \"group:/x\" was not on the form"
                + " [<kind>:][<namespace>/]<name>");
  }

  @Test
  void everyRelationTypeHasItsReverseBothWays() {
    // The catalog stores each pair once and derives the other half from this table.
    assertThat(EntityRelations.reverseOf("ownedBy")).isEqualTo("ownerOf");
    assertThat(EntityRelations.reverseOf("ownerOf")).isEqualTo("ownedBy");
    assertThat(EntityRelations.reverseOf("dependencyOf")).isEqualTo("dependsOn");
    assertThat(EntityRelations.reverseOf("parentOf")).isEqualTo("childOf");
    assertThat(EntityRelations.reverseOf("apiConsumedBy")).isEqualTo("consumesApi");
    assertThatThrownBy(() -> EntityRelations.reverseOf("friendOf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No reverse known for relation type friendOf");
  }

  @Test
  void eachDerivedRelationIsTheReverseOfAnotherDerivedOne() {
    List<String> all =
        relations(
            """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: c}
            spec:
              type: service
              lifecycle: production
              owner: team-a
              system: s
              subcomponentOf: parent
              providesApis: [p]
              consumesApis: [q]
              dependsOn: ['resource:db']
              dependencyOf: ['component:up']
            """);
    for (String relation : all) {
      String[] r = relation.split(" ");
      assertThat(all).contains(r[2] + " " + EntityRelations.reverseOf(r[1]) + " " + r[0]);
    }
  }
}
