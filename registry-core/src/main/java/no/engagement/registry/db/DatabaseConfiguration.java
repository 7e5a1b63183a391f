package no.engagement.registry.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The registry's DataSource: the external PostgreSQL named by REGISTRY_DB_URL, or else the embedded
 * server, started before the pool and stopped after it; with REGISTRY_DB_READ_URL, read-only
 * transactions go to that replica ({@link ReadReplica}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
public class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  DatabaseServer databaseServer(RegistryProperties properties) {
    return DatabaseServer.open(properties);
  }

  /** The pool of connections to the primary: every write, and every read that is not read-only. */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource registryPool(DatabaseServer server) {
    var ds = new PinnableDataSource();
    ds.setJdbcUrl(server.jdbcUrl());
    ds.setUsername(server.user());
    ds.setPassword(server.password());
    ds.setPoolName("registry");
    return ds;
  }

  @Bean
  ReadReplica readReplica(
      HikariDataSource registryPool, RegistryProperties properties, DatabaseServer server) {
    return ReadReplica.of((PinnableDataSource) registryPool, properties.db(), server);
  }

  /**
   * What the application uses: the primary's pool, or, with a read replica configured, a proxy that
   * sends read-only transactions to the replica's pool and everything else to the primary's.
   */
  @Bean
  @Primary
  DataSource dataSource(HikariDataSource registryPool, ReadReplica replica) {
    return replica.route(registryPool);
  }

  @Bean
  AbortAwareTransactionManager transactionManager(DataSource dataSource) {
    return new AbortAwareTransactionManager(dataSource);
  }

  /** Migrations run as the schema's owner, which the application's role is not. */
  @Bean
  FlywayConnectionDetails flywayConnectionDetails(DatabaseServer server) {
    return new FlywayConnectionDetails() {
      @Override
      public String getJdbcUrl() {
        return server.jdbcUrl();
      }

      @Override
      public String getUsername() {
        return server.ownerUser();
      }

      @Override
      public String getPassword() {
        return server.ownerPassword();
      }
    };
  }

  /**
   * Table names without a schema: they resolve through search_path, which is how a pinned release
   * ({@link PinnedSchema}) is read with the same queries.
   */
  @Bean
  DefaultConfigurationCustomizer unqualifiedTableNames() {
    return c -> c.settings().withRenderSchema(false);
  }
}
