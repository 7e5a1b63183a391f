package no.engagement.registry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.engagement.registry.RegistryTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database itself refuses bad rows, whatever code writes them; migrations build it from empty.
 */
@RegistryTest
class DatabaseRulesTest {

  @Autowired JdbcTemplate sql;
  @Autowired DatabaseServer server;

  private static final String FIGURE =
      "insert into personnel_figure (contributor_iso3, mission_id, year, personnel_type, gender, count,"
          + " basis, batch_id) values (?, (select id from mission where acronym = ?), ?, ?::personnel_type_code,"
          + " 'total', ?,"
          + " 'snapshot', (select min(id) from import_batch))";

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> sql.update(FIGURE, "NOR", "UNMISS", 2030, "police", -1))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("personnel_figure_count_check");
  }

  @Test
  void anUnknownCountryIsRefused() {
    assertThatThrownBy(() -> sql.update(FIGURE, "XXX", "UNMISS", 2030, "police", 3))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("personnel_figure_contributor_iso3_fkey");
  }

  @Test
  void anUnknownPersonnelTypeOrAYearOutOfRangeIsRefused() {
    assertThatThrownBy(() -> sql.update(FIGURE, "NOR", "UNMISS", 2030, "pilots", 3))
        .isInstanceOf(org.springframework.dao.DataAccessException.class)
        .hasMessageContaining("invalid input value for enum personnel_type_code");
    assertThatThrownBy(() -> sql.update(FIGURE, "NOR", "UNMISS", 1900, "police", 3))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("personnel_figure_year_check");
  }

  @Test
  void aDuplicateNaturalKeyIsRefused() {
    // the seed holds Norway's 2019 UNMISS total from the UN contributions file
    assertThatThrownBy(
            () ->
                sql.update(
                    "insert into personnel_figure (contributor_iso3, mission_id, year, period_start,"
                        + " period_end, personnel_type, gender, count, basis, source_id)"
                        + " select contributor_iso3, mission_id, year, period_start, period_end,"
                        + " personnel_type, gender, count + 1, basis, source_id from personnel_figure f"
                        + " where f.contributor_iso3 = 'NOR' and f.year = 2019 and f.gender = 'total'"
                        + " and f.mission_id = (select id from mission where acronym = 'UNMISS')"))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("personnel_figure_natural_key");
    assertThatThrownBy(
            () ->
                sql.update(
                    "insert into mission (acronym, name_en, kind, status, batch_id)"
                        + " values ('UNMISS', 'Again', 'peacekeeping', 'active', (select min(id) from import_batch))"))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aFactWithoutProvenanceIsRefused() {
    assertThatThrownBy(
            () ->
                sql.update(
                    "insert into statement (code, text_en, text_nb) values ('no-source', 'x', 'x')"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("statement_check");
  }

  @Test
  void theMigrationsBuildTheSchemaInAnEmptyDatabase() {
    String db = "migrate_empty_check";
    // creating a database takes more than the application's role may do
    var admin =
        server.embedded() == null
            ? sql
            : new JdbcTemplate(
                new DriverManagerDataSource(
                    server.embedded().jdbcUrl("postgres"),
                    EmbeddedPostgres.SUPERUSER,
                    server.embedded().password()));
    admin.execute("drop database if exists " + db);
    admin.execute("create database " + db);
    try {
      String url = server.jdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/" + db);
      String user = server.embedded() == null ? server.user() : EmbeddedPostgres.SUPERUSER;
      String password =
          server.embedded() == null ? server.password() : server.embedded().password();
      var result = Flyway.configure().dataSource(url, user, password).load().migrate();
      assertThat(result.success).isTrue();
      assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
      var tables =
          new JdbcTemplate(new DriverManagerDataSource(url, user, password))
              .queryForList(
                  "select table_name from information_schema.tables where table_schema = 'public' order by 1",
                  String.class);
      assertThat(tables)
          .containsAll(
              List.of(
                  "country",
                  "mission",
                  "mission_host",
                  "personnel_figure",
                  "personnel_figure_mission",
                  "peace_process",
                  "facilitator_role",
                  "funding_programme",
                  "funding_allocation",
                  "initiative",
                  "source_document",
                  "import_batch"));
    } finally {
      admin.execute("drop database if exists " + db + " with (force)");
    }
  }
}
