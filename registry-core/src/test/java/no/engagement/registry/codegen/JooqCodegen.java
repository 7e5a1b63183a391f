package no.engagement.registry.codegen;

import java.nio.file.Path;
import no.engagement.registry.db.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes from the real schema: an embedded PostgreSQL, the Flyway migrations of
 * the schema module, then jOOQ's GenerationTool, all in this one JVM.
 */
final class JooqCodegen {

  static final String PACKAGE = "no.engagement.registry.jooq";
  static final String REGENERATE =
      "scripts/generate-jooq   (or: ./mvnw -pl registry-core -am test -Dtest=JooqDriftTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Djooq.write=true)";

  private JooqCodegen() {}

  static void generate(Path dataDir, int port, Path targetDir) throws Exception {
    try (var pg = EmbeddedPostgres.start(dataDir, port)) {
      pg.createDatabaseIfMissing("codegen");
      String url = pg.jdbcUrl("codegen");
      Flyway.configure()
          .dataSource(url, EmbeddedPostgres.SUPERUSER, pg.password())
          .cleanDisabled(false)
          .load()
          .clean();
      Flyway.configure()
          .dataSource(url, EmbeddedPostgres.SUPERUSER, pg.password())
          .load()
          .migrate();
      GenerationTool.generate(
          new Configuration()
              .withJdbc(
                  new Jdbc()
                      .withDriver("org.postgresql.Driver")
                      .withUrl(url)
                      .withUser(EmbeddedPostgres.SUPERUSER)
                      .withPassword(pg.password()))
              .withGenerator(
                  new Generator()
                      .withDatabase(
                          new Database()
                              .withName("org.jooq.meta.postgres.PostgresDatabase")
                              .withInputSchema("public")
                              .withExcludes("flyway_schema_history"))
                      .withGenerate(
                          new Generate()
                              .withRecords(true)
                              .withPojos(false)
                              .withGeneratedAnnotation(false)
                              .withComments(true)
                              .withJavaTimeTypes(true))
                      .withTarget(
                          new Target()
                              .withPackageName(PACKAGE)
                              .withDirectory(targetDir.toString())
                              .withClean(true))));
    }
  }
}
