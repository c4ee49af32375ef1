package dev.tarmac.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Tunes PostgreSQL connections: batched inserts travel as multi-row statements (one round trip per
 * batch instead of one per row), and every statement is planned for its actual parameters. The
 * catalog's filters are parameterised and their selectivity varies by orders of magnitude ({@code
 * kind=component} vs a rare tag); the generic plan PostgreSQL switches to after five executions of
 * a prepared statement sorts every match instead of stopping at the page (26 ms instead of 8 ms
 * measured).
 */
@Component
class PostgresConnectionTuning implements BeanPostProcessor {

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource ds
        && ds.getJdbcUrl() != null
        && ds.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      if (!ds.getJdbcUrl().contains("plan_cache_mode")
          && !ds.getDataSourceProperties().containsKey("options")) {
        ds.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
      }
      if (!ds.getJdbcUrl().contains("reWriteBatchedInserts")) {
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
      }
    }
    return bean;
  }
}
