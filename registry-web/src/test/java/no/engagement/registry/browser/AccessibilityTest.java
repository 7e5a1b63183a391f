package no.engagement.registry.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.TestAccounts;
import no.engagement.registry.account.AccountService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every screen, in both languages, with real data, in a real headless Chromium: zero axe-core
 * violations of WCAG 2.1 A and AA, and a screenshot in target/screenshots to look at.
 */
@RegistryWebTest
class AccessibilityTest {

  private static ChromeDriver browser;

  @LocalServerPort int port;
  @Autowired AccountService accounts;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  static Stream<Arguments> screens() {
    List<String> paths =
        List.of(
            "/",
            "/deployments",
            "/deployments?contributor=NOR&group=mission",
            "/deployments?contributor=NOR&mission=UNTSO&group=none",
            "/deployments?basis=approximate_statement&group=mission",
            "/missions",
            "/missions/UNTSO",
            "/countries",
            "/countries/NOR",
            "/peace-processes",
            "/peace-processes/colombia-farc-ep",
            "/funding",
            "/sources",
            "/sources/1",
            "/discrepancies",
            "/search?q=sudan",
            "/deployments?from=abc",
            "/missions/NOPE",
            "/login",
            "/login?error");
    return Stream.of("nb", "en").flatMap(lang -> paths.stream().map(p -> Arguments.of(p, lang)));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("screens")
  void hasNoWcag21AaViolations(String path, String lang) throws Exception {
    check(path, lang);
  }

  @ParameterizedTest(name = "admin {0}")
  @ValueSource(strings = {"nb", "en"})
  void theAdminScreensHaveNoWcag21AaViolations(String lang) throws Exception {
    TestAccounts.ensure(accounts);
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/login?lang=" + lang);
    browser.findElement(By.id("username")).sendKeys(TestAccounts.ADMIN);
    browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
    browser.findElement(By.cssSelector("form.login button")).click();
    assertThat(browser.findElement(By.cssSelector(".account .user")).getText())
        .isEqualTo(TestAccounts.ADMIN);
    check("/admin/users", lang);
    check("/admin/audit", lang);
    browser.findElement(By.cssSelector("form.logout button")).click();
    assertThat(browser.getCurrentUrl()).contains("/login?logout");
  }

  private void check(String path, String lang) throws Exception {
    String url =
        "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    browser.get(url);
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
    var result =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser);
    String name =
        ("/".equals(path) ? "home" : path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-", ""))
            + "-"
            + lang;
    Path shots = Files.createDirectories(Path.of("target/screenshots"));
    Files.write(
        shots.resolve((name.isEmpty() ? "home" : name) + ".png"),
        browser.getScreenshotAs(OutputType.BYTES));
    assertThat(result.getViolations())
        .as(
            "axe-core violations on %s:%n%s",
            url,
            result.getViolations().stream()
                .map(
                    v ->
                        v.getId()
                            + ": "
                            + v.getHelp()
                            + " "
                            + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @ParameterizedTest(name = "keyboard {0}")
  @MethodSource("keyboardScreens")
  void theSkipLinkAndTheFiltersWorkByKeyboard(String path) {
    browser.get("http://localhost:" + port + path + "?lang=en");
    var body = browser.findElement(By.tagName("body"));
    body.sendKeys(Keys.TAB);
    var focused = browser.switchTo().activeElement();
    assertThat(focused.getText()).isEqualTo("Skip to content");
    focused.sendKeys(Keys.ENTER);
    assertThat(browser.getCurrentUrl()).endsWith("#main");
  }

  static Stream<String> keyboardScreens() {
    return Stream.of("/", "/deployments", "/missions/UNTSO");
  }
}
