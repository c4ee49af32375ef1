package dev.tarmac.catalog.query;

import java.util.List;
import java.util.Locale;

/** Turns a predicate into a SQL condition on {@code f.entity_ref} over the search table. */
final class SqlPredicate {

  private SqlPredicate() {}

  /** Appends the condition to {@code sql} and its parameters to {@code params}. */
  static void append(EntityPredicate p, StringBuilder sql, List<Object> params) {
    if (p instanceof EntityPredicate.Key k) {
      sql.append("f.entity_ref IN (SELECT entity_ref FROM catalog_search WHERE skey = ?");
      params.add(k.key().toLowerCase(Locale.ROOT));
      if (!k.values().isEmpty()) {
        sql.append(" AND svalue IN (");
        for (int i = 0; i < k.values().size(); i++) {
          sql.append(i == 0 ? "?" : ", ?");
          params.add(k.values().get(i).toLowerCase(Locale.ROOT));
        }
        sql.append(')');
      }
      sql.append(')');
    } else if (p instanceof EntityPredicate.Not n) {
      sql.append("NOT (");
      append(n.not(), sql, params);
      sql.append(')');
    } else if (p instanceof EntityPredicate.AllOf a) {
      join(a.all(), " AND ", "1 = 1", sql, params);
    } else if (p instanceof EntityPredicate.AnyOf a) {
      join(a.any(), " OR ", "1 = 0", sql, params);
    }
  }

  private static void join(
      List<EntityPredicate> list, String op, String empty, StringBuilder sql, List<Object> params) {
    if (list.isEmpty()) {
      sql.append(empty);
      return;
    }
    sql.append('(');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sql.append(op);
      }
      append(list.get(i), sql, params);
    }
    sql.append(')');
  }
}
