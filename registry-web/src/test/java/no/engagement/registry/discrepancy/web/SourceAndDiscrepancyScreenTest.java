package no.engagement.registry.discrepancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** /sources, /sources/{id} and /discrepancies over real HTTP. */
@RegistryWebTest
class SourceAndDiscrepancyScreenTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate sql;

  @Test
  void theEnglishAndNorwegian2018PagesDisagreeOnThePolice() throws Exception {
    String html = get("/discrepancies?lang=en").body();
    assertThat(html).contains("NOR, Police, 2018");
    assertThat(html).contains("Cyprus (UNFICYP)").contains("Haiti (MINUJUSTH)");
    assertThat(html).contains("Liberia (UNMIL)").contains("Haiti (MINUSMA)");
    // "Haiti (MINUSMA)": MINUSMA is the Mali mission
    assertThat(html).contains("Places that do not match the mission");
    String csv = get("/discrepancies.csv").body();
    assertThat(csv.split("\r\n")).hasSize(3);
    assertThat(csv).contains("Haiti (MINUSMA)");
  }

  @Test
  void aSourceListsEveryFactItStates() throws Exception {
    long id =
        sql.queryForObject(
            "select id from source_document where file_name = '001_fe1a0fa76c5604cd.txt'",
            Long.class);
    // every table with a source_id, from the catalog: the page's own list of kinds is not asked
    List<String> citing =
        sql.queryForList(
            "select c.table_name::text from information_schema.columns c join"
                + " information_schema.tables t on t.table_schema = c.table_schema and"
                + " t.table_name = c.table_name where c.table_schema = current_schema() and"
                + " c.column_name = 'source_id' and t.table_type = 'BASE TABLE' and c.table_name"
                + " <> 'import_batch'",
            String.class);
    assertThat(citing).contains("funding_allocation", "figure_flag", "initiative");
    int facts = 0;
    for (String table : citing) {
      facts +=
          sql.queryForObject(
              "select count(*) from " + table + " where source_id = ?", Integer.class, id);
    }
    String html = get("/sources/" + id + "?lang=en").body();
    assertThat(html).contains("about").contains("2017").contains("UNMIL (closed March 2018)");
    assertThat(html).contains("Association of African Women Mediators");
    String csv = get("/sources/" + id + ".csv").body();
    assertThat(csv.split("\r\n")).hasSize(facts + 1);
    assertThat(get("/sources/99999?lang=en").statusCode()).isEqualTo(404);
    assertThat(get("/sources/abc?lang=en").statusCode()).isEqualTo(400);
    assertThat(get("/sources?lang=en").body()).contains("International Committment");
  }

  @Test
  void aSourceShowsTheValuesOfItsFactsToCheckAgainstTheDocument() throws Exception {
    var treaty =
        sql.queryForMap(
            "select i.adopted_on::text as adopted_on, i.date_precision, i.place, i.source_id"
                + " from initiative i where code = 'convention-on-cluster-munitions'");
    var html = get("/sources/" + treaty.get("source_id") + "?lang=en").body();
    assertThat(html)
        .contains(
            "adopted_on "
                + treaty.get("adopted_on")
                + " \u00b7 date_precision "
                + treaty.get("date_precision")
                + " \u00b7 place "
                + treaty.get("place")
                + " \u00b7 state_count 107");
    var network =
        sql.queryForMap(
            "select founded_year, source_id from organisation where founded_year is not null"
                + " and source_id is not null order by code limit 1");
    assertThat(get("/sources/" + network.get("source_id") + "?lang=en").body())
        .contains("founded_year " + network.get("founded_year"));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return new WebClient(port).get(path);
  }
}
