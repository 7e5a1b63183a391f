package no.engagement.registry.discrepancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import no.engagement.registry.RegistryWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** /sources, /sources/{id} and /discrepancies over real HTTP. */
@RegistryWebTest
class SourceAndDiscrepancyScreenTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate sql;
  private final HttpClient http = HttpClient.newHttpClient();

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
    int facts =
        sql.queryForObject(
            "select (select count(*) from personnel_figure where source_id = ?)"
                + " + (select count(*) from organisation where source_id = ?)"
                + " + (select count(*) from peace_process where source_id = ?)"
                + " + (select count(*) from peace_process_party where source_id = ?)"
                + " + (select count(*) from peace_process_milestone where source_id = ?)"
                + " + (select count(*) from facilitator_role where source_id = ?)"
                + " + (select count(*) from funding_programme where source_id = ?)"
                + " + (select count(*) from statement where source_id = ?)"
                + " + (select count(*) from region_country where source_id = ?)",
            Integer.class,
            id,
            id,
            id,
            id,
            id,
            id,
            id,
            id,
            id);
    String html = get("/sources/" + id + "?lang=en").body();
    assertThat(html).contains("about").contains("2017").contains("UNMIL (closed March 2018)");
    assertThat(html).contains("Association of African Women Mediators");
    String csv = get("/sources/" + id + ".csv").body();
    assertThat(csv.split("\r\n")).hasSize(facts + 1);
    assertThat(get("/sources/99999?lang=en").statusCode()).isEqualTo(404);
    assertThat(get("/sources/abc?lang=en").statusCode()).isEqualTo(400);
    assertThat(get("/sources?lang=en").body()).contains("International Committment");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
