package no.engagement.registry.home.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first page, fetched over HTTP as a browser would. */
@RegistryWebTest
class HomePageTest {

  @LocalServerPort int port;

  @Test
  void showsWhatTheRegistryHoldsInBokmalByDefault() throws Exception {
    var page = get("/", null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("<html lang=\"nb\">").contains("Engasjementsregisteret");
    assertThat(count(html, "countries")).isEqualTo(249);
    assertThat(count(html, "missions")).isGreaterThanOrEqualTo(81);
    assertThat(count(html, "personnel-figures")).isGreaterThan(18_000);
    assertThat(html).contains("fra 1").contains("2010\u20132021");
    // the five source pages and the two datasets, each with how many facts cite it
    assertThat(html).contains("000_ee4182f30f825b54.txt").contains("004_13efad21e75652a3.txt");
    assertThat(html).contains("Fred, stabilitet og sikkerhet").contains("omkring");
    assertThat(Pattern.compile("<tr id=\"source-").matcher(html).results().count()).isEqualTo(7);
  }

  @Test
  void englishIsChosenByLangAndRemembered() throws Exception {
    var first = get("/?lang=en", null, null);
    assertThat(first.body()).contains("<html lang=\"en\">").contains("What the registry holds");
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("lang=en").contains("HttpOnly").contains("SameSite=Lax");
    var next = get("/", cookie.substring(0, cookie.indexOf(';')), null);
    assertThat(next.body()).contains("<html lang=\"en\">");
    assertThat(get("/", null, "en-GB,en;q=0.8").body()).contains("<html lang=\"en\">");
  }

  @Test
  void unknownPagesGetAPlain404PageAndWritesAreRefused() throws Exception {
    var missing = new WebClient(port).get("/no-such-page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .contains("Det finnes ingen side på denne adressen")
        .doesNotContain("Exception");
    var web = new WebClient(port);
    var post = web.send(web.request("/").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(post.statusCode()).isEqualTo(403);
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() throws Exception {
    var page = get("/", null, null);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'")
        .contains("object-src 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
  }

  private HttpResponse<String> get(String path, String cookie, String acceptLanguage)
      throws Exception {
    var web = new WebClient(port);
    var b = web.request(path);
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    return web.send(b.build());
  }

  static int count(String html, String kind) {
    var m = Pattern.compile("data-count=\"" + kind + "\">([0-9\u00a0 ]+)<").matcher(html);
    assertThat(m.find()).as("count of " + kind + " on the page").isTrue();
    return Integer.parseInt(m.group(1).replaceAll("[\u00a0 ]", ""));
  }
}
