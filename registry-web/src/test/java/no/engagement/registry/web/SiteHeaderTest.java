package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.TestAccounts;
import no.engagement.registry.WebClient;
import no.engagement.registry.account.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The header a visitor sees is rendered once per language (SiteHeader): it must be the header the
 * template renders for the page itself, in the page's language, and never a visitor's header for a
 * logged-in user.
 */
@RegistryWebTest
class SiteHeaderTest {

  @LocalServerPort int port;
  @Autowired AccountService accounts;

  private static String header(String page) {
    int start = page.indexOf("<header class=\"site-header\">");
    int end = page.indexOf("</header>", start);
    assertThat(start).as("the page has the site header").isNotNegative();
    assertThat(page.indexOf("<header class=\"site-header\">", end)).as("only one").isNegative();
    return page.substring(start, end);
  }

  @Test
  void visitorsGetTheKeptHeaderOfTheirLanguageAsTheTemplateRendersIt() throws Exception {
    var visitor = new WebClient(port);
    for (String lang : new String[] {"en", "nb", "en", "nb"}) {
      String kept = header(visitor.get("/missions?lang=" + lang).body());
      // an error page has no kept header: the template renders it for the page
      var notFound = visitor.get("/missions/NOPE");
      assertThat(notFound.statusCode()).isEqualTo(404);
      assertThat(kept).isEqualTo(header(notFound.body()));
      assertThat(kept)
          .contains("en".equals(lang) ? ">Deployments</a>" : ">Utsendinger</a>")
          .contains("href=\"/login\"")
          .contains("hreflang=\"" + lang + "\" aria-current=\"true\"");
    }
  }

  @Test
  void aLoggedInUserGetsAHeaderWithNameAndLogOut() throws Exception {
    TestAccounts.ensure(accounts);
    var visitor = new WebClient(port);
    visitor.get("/deployments?lang=en"); // the visitor's header is kept first
    var editor = new WebClient(port);
    editor.login(TestAccounts.EDITOR, TestAccounts.PASSWORD);
    String h = header(editor.get("/deployments?lang=en").body());
    assertThat(h)
        .contains("<span class=\"user\">" + TestAccounts.EDITOR + "</span>")
        .contains("action=\"/logout\"")
        .contains("name=\"_csrf\"")
        .doesNotContain("href=\"/login\"");
  }
}
