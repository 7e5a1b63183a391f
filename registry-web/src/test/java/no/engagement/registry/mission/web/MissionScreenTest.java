package no.engagement.registry.mission.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** /missions and /missions/{acronym} with their CSV, over real HTTP. */
@RegistryWebTest
class MissionScreenTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate sql;

  @Test
  void theListHasEveryMissionAndItsCsvTheSameRows() throws Exception {
    int missions = sql.queryForObject("select count(*) from mission", Integer.class);
    String html = get("/missions?lang=en").body();
    assertThat(html.split("<th scope=\"row\">", -1)).hasSize(missions + 1);
    assertThat(get("/missions.csv").body().split("\r\n")).hasSize(missions + 1);
  }

  @Test
  void aMissionShowsHostsSuccessionAndPersonnelWithNorwayFirst() throws Exception {
    String untso = get("/missions/UNTSO?lang=en").body();
    assertThat(untso).contains("Egypt, Israel, Jordan, Lebanon, Syria").contains("the Middle East");
    // the table of personnel (the chart's legend before it names the largest first)
    String table = untso.substring(untso.indexOf("<table class=\"personnel\""));
    assertThat(table.indexOf(">Norway<")).isPositive().isLessThan(table.indexOf(">Australia<"));
    assertThat(get("/missions/MONUC?lang=en").body()).contains("/missions/MONUSCO");
    String minusma = get("/missions/MINUSMA?lang=en").body();
    assertThat(minusma).contains("around 45 military personnel");
    // a quote and a title in the other language say so, for screen readers (WCAG 3.1.2)
    assertThat(minusma).containsPattern("<q lang=\"nb\">[^<]*omkring 45 milit");
    assertThat(get("/missions/MINUSMA?lang=nb").body())
        .containsPattern("<q lang=\"en\">[^<]*around 45");
    String csv = get("/missions/UNTSO.csv?lang=en").body();
    assertThat(csv).startsWith("mission,contributor,contributor_name,year,total,basis,gender\r\n");
    assertThat(csv).contains("UNTSO,NOR,Norway,2019,13,annual_average,total\r\n");
  }

  @Test
  void anUnknownMissionIsA404AndAnAcronymWithASpaceWorks() throws Exception {
    var missing = get("/missions/NOPE?lang=en");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\u00abNOPE\u00bb");
    var unosom = get("/missions/UNOSOM%20II?lang=en");
    assertThat(unosom.statusCode()).isEqualTo(200);
    // its feed's address has the space encoded, in the page's head and beside the CSV links
    assertThat(unosom.body())
        .contains("href=\"/missions/UNOSOM%20II.atom\"")
        .doesNotContain("UNOSOM II.atom");
    assertThat(get("/missions/UNOSOM%20II.atom").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return new WebClient(port).get(path);
  }
}
