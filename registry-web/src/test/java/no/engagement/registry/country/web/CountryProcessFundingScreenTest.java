package no.engagement.registry.country.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /countries, /peace-processes and /funding with their CSV, over real HTTP. */
@RegistryWebTest
class CountryProcessFundingScreenTest {

  @LocalServerPort int port;

  @Test
  void farcEpShowsNorwayAndCubaAsFacilitatorsSince2012() throws Exception {
    String html = get("/peace-processes/colombia-farc-ep?lang=en").body();
    assertThat(html).contains("Norway").contains("Cuba").contains("2012 \u2013 \u2026");
    assertThat(html).contains("Peace agreement with the FARC-EP in Colombia.");
    String csv = get("/peace-processes.csv?lang=en").body();
    assertThat(csv).contains("colombia-farc-ep,").contains(",CUB,Cuba,facilitator,2012,,");
    assertThat(get("/peace-processes?lang=en").body()).contains("Norway (since 2012)");
    assertThat(get("/peace-processes/nope?lang=en").statusCode()).isEqualTo(404);
  }

  @Test
  void aCountryAsContributorHostAndActor() throws Exception {
    String nor = get("/countries/NOR?lang=en").body();
    assertThat(nor)
        .contains("Norge")
        .contains("/missions/UNTSO")
        .contains("facilitator since 2012");
    // a statement quoted in its source's language, for screen readers (WCAG 3.1.2), as on the
    // mission page: the bokmål text stating around 45 military personnel in MINUSMA
    assertThat(nor).containsPattern("<q lang=\"nb\">[^<]*omkring 45 milit");
    assertThat(get("/countries/NOR?lang=nb").body())
        .containsPattern("<q lang=\"en\">[^<]*around 45");
    assertThat(get("/countries/nor?lang=en").statusCode()).isEqualTo(200);
    String mali = get("/countries/MLI?lang=en").body();
    assertThat(mali).contains("/missions/MINUSMA");
    String gha = get("/countries/GHA?lang=en").body();
    assertThat(gha).contains("Kofi Annan International Peacekeeping Training Centre");
    assertThat(get("/countries/NOR.csv").body()).contains("NOR,UNTSO,2019,13,annual_average,total");
    assertThat(get("/countries.csv").body().split("\r\n")).hasSize(250);
    assertThat(get("/countries/XXX?lang=en").statusCode()).isEqualTo(404);
  }

  @Test
  void fundingListsTheProgrammesOfTheSources() throws Exception {
    String html = get("/funding?lang=en").body();
    assertThat(html)
        .contains("Development programme against serious and organised crime")
        .contains("Maritime security and marine resource management in the Gulf of Guinea")
        .contains("the Gulf of Guinea");
    assertThat(get("/funding.csv").body().split("\r\n")).hasSize(5);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return new WebClient(port).get(path);
  }
}
