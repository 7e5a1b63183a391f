package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The search box finds things by name or code in either language. */
@RegistryWebTest
class SearchTest {

  @LocalServerPort int port;

  @Test
  void findsByNameOrCodeInEitherLanguage() throws Exception {
    assertThat(get("/search?q=s%C3%B8r-sudan&lang=en")).contains("/countries/SSD");
    assertThat(get("/search?q=south%20sudan&lang=nb"))
        .contains("/countries/SSD")
        .contains("/missions/UNMISS");
    assertThat(get("/search?q=farc&lang=en")).contains("/peace-processes/colombia-farc-ep");
    assertThat(get("/search?q=KAIPTC&lang=en")).contains("/funding#kaiptc-support");
    assertThat(get("/search?q=nor&lang=en")).contains("/countries/NOR");
    // wildcards are text, not patterns
    assertThat(get("/search?q=%25&lang=en")).doesNotContain("/countries/");
  }

  private String get(String path) throws Exception {
    return new WebClient(port).get(path).body();
  }
}
