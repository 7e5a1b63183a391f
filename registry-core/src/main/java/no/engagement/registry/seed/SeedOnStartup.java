package no.engagement.registry.seed;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Loads the seed while the application starts, after Flyway and before the web server takes
 * requests, so the first page a user sees already shows the data.
 */
@Component
@DependsOnDatabaseInitialization
@ConditionalOnProperty(prefix = "registry.seed", name = "enabled", matchIfMissing = true)
class SeedOnStartup implements InitializingBean {

  private final SeedLoader loader;

  SeedOnStartup(SeedLoader loader) {
    this.loader = loader;
  }

  @Override
  public void afterPropertiesSet() {
    loader.loadMissing();
  }
}
