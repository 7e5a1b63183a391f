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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
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
            "/deployments?contributor=NOR",
            "/deployments?contributor=NOR&basis=approximate_statement&group=type",
            "/deployments/sources?contributor=NOR&from=2016&to=2018",
            "/deployments?contributor=NOR&contributor=SWE&from=2015&to=2020&group=contributor",
            "/missions",
            "/missions/MINUSMA",
            "/missions/UNTSO",
            "/countries",
            "/countries/NOR",
            "/countries/MLI",
            "/peace-processes",
            "/peace-processes/colombia-farc-ep",
            "/funding",
            "/sources",
            "/sources/1",
            "/discrepancies",
            "/downloads",
            "/open-data",
            "/search?q=sudan",
            "/releases",
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
    // on a phone (375 px): the page itself never scrolls sideways, only wide tables and charts in
    // their own box; again no violations, and a screenshot
    browser.manage().window().setSize(new Dimension(375, 812));
    try {
      browser.navigate().refresh();
      Number overflow =
          (Number)
              browser.executeScript(
                  "return document.documentElement.scrollWidth"
                      + " - document.documentElement.clientWidth;");
      Object wide =
          browser.executeScript(
              "var w = document.documentElement.clientWidth, out = [];"
                  + "document.querySelectorAll('body *').forEach(function (e) {"
                  + " var r = e.getBoundingClientRect();"
                  + " if (r.right > w + 1 && out.length < 6) out.push(e.tagName + '.' + e.className"
                  + " + ' ' + Math.round(r.right)); });"
                  + "return out.join(', ');");
      assertThat(overflow.intValue())
          .as("sideways scrolling of %s at 375 px: %s", path, wide)
          .isZero();
      axe(shotName(path) + "-" + lang + "-375");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1024));
    }
  }

  @ParameterizedTest(name = "flags {0}")
  @ValueSource(strings = {"nb", "en"})
  void partialYearsAreMarkedAndOtherFiguresAreNamedWhereAPersonSeesThem(String lang)
      throws Exception {
    check("/deployments?contributor=NOR", lang);
    // the trend table: 2010 (no Norwegian figures), 2012, 2017 and 2021 carry the mark
    var marked =
        browser.findElements(By.cssSelector("table.trend tbody tr")).stream()
            .filter(r -> !r.findElements(By.cssSelector("a.flag")).isEmpty())
            .map(r -> r.findElement(By.tagName("th")).getText())
            .toList();
    assertThat(marked).containsExactly("2010", "2012", "2017", "2021");
    var mark = browser.findElement(By.cssSelector("table.trend a.flag"));
    assertThat(mark.isDisplayed()).isTrue();
    // an asterisk to see, and what it means for a screen reader
    assertThat(mark.getText())
        .startsWith("*")
        .contains("nb".equals(lang) ? "delvis år" : "partial year");
    assertThat(mark.getAttribute("title"))
        .isEqualTo("nb".equals(lang) ? "delvis år" : "partial year");
    // the chart hatches the flagged years' bars; the notes say why, with the months
    assertThat(
            browser.findElements(
                By.cssSelector("figure.chart rect[fill='url(#trend-chart-hatch)']")))
        .hasSize(3);
    var notes = browser.findElement(By.id("flag-notes"));
    assertThat(notes.isDisplayed()).isTrue();
    assertThat(notes.getText()).contains("2012").contains("66434").contains("9");
    // the same selection's statements, named and linked
    var other = browser.findElement(By.cssSelector(".other-figures a"));
    assertThat(other.isDisplayed()).isTrue();
    assertThat(other.getText()).startsWith("4 ");
    other.click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.urlContains(
                "basis=approximate_statement"));
    // 2017 and 2018: about 45 military and about 30 police, the Norwegian version counted once
    assertThat(browser.findElements(By.cssSelector("table.trend tbody tr")))
        .extracting(r -> r.getText().replaceAll("\\s+", " "))
        .containsExactly("2017 75", "2018 75");
    axe("deployments-nor-statements-" + lang);
  }

  @ParameterizedTest(name = "admin {0}")
  @ValueSource(strings = {"nb", "en"})
  void theAdminScreensHaveNoWcag21AaViolations(String lang) throws Exception {
    TestAccounts.ensure(accounts);
    logIn(TestAccounts.ADMIN, lang);
    check("/admin/users", lang);
    check("/admin/audit", lang);
    browser.findElement(By.cssSelector("form.logout button")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login?logout"));
  }

  @ParameterizedTest(name = "releases {0}")
  @ValueSource(strings = {"nb", "en"})
  void theReleaseScreensHaveNoWcag21AaViolations(String lang) throws Exception {
    TestAccounts.ensure(accounts);
    logIn(TestAccounts.ADMIN, lang);
    String first = publishThroughTheForm("a11y-" + lang + "-1-" + System.nanoTime());
    String second = publishThroughTheForm("a11y-" + lang + "-2-" + System.nanoTime());
    // a release job that failed: its page, and the list of jobs on /releases
    String failed = "a11y-" + lang + "-failed-" + System.nanoTime();
    sql.update(
        "insert into release_job (version, notes, requested_by, page_url, state, attempts,"
            + " files_done, files_total, error) values (?, 'failed', 'test-admin', 'x', 'failed',"
            + " 2, 7, 53, 'release.job.stopped')",
        failed);
    check("/releases", lang);
    assertThat(browser.findElements(By.cssSelector("table.release-jobs tbody tr"))).isNotEmpty();
    check("/releases/" + failed, lang);
    assertThat(browser.findElement(By.cssSelector("main .problem")).getText()).isNotBlank();
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .endsWith("nb".equals(lang) ? "ikke publisert" : "not published");
    check("/releases/" + second, lang);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("from")))
        .selectByValue(first);
    browser.findElement(By.cssSelector("form.compare button")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("table.release-diff")));
    axe("releases-diff-" + lang);
    // a screen pinned to the release, with its citation open
    check("/deployments?contributor=NOR&group=mission&release=" + first, lang);
    browser.findElement(By.cssSelector(".pinned summary")).click();
    assertThat(browser.findElement(By.cssSelector(".pinned pre.citation")).getText())
        .contains("release=" + first);
    axe("deployments-pinned-cite-" + lang);
    browser.findElement(By.cssSelector("form.logout button")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login?logout"));
  }

  /** Publishes a release through the form on /releases, as an admin would. */
  private String publishThroughTheForm(String version) {
    browser.get("http://localhost:" + port + "/releases");
    browser.findElement(By.id("version")).sendKeys(version);
    browser.findElement(By.id("notes")).sendKeys("Published by the accessibility test");
    browser.findElement(By.cssSelector("form.publish button")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.and(
                org.openqa.selenium.support.ui.ExpectedConditions.urlContains(
                    "/releases/" + version),
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("table.release-files"))));
    return version;
  }

  @ParameterizedTest(name = "imports {0}")
  @ValueSource(strings = {"nb", "en"})
  void theImportScreensHaveNoWcag21AaViolations(String lang) throws Exception {
    TestAccounts.ensure(accounts);
    logIn(TestAccounts.EDITOR, lang);
    check("/imports", lang);
    check("/imports/1", lang);
    // a file with problems, uploaded through the form: the preview lists them
    upload(
        "personnel",
        "mfa-peace-security-2018-en",
        "contributor;mission;year;personnel_type;gender;count;basis\n"
            + "NOR;UNMISS;2030;police;female;12,5x;annual_average\n"
            + "XXX;NOPE;2030;police;male;1;annual_average\n",
        "table.problems");
    assertThat(browser.findElements(By.cssSelector("table.problems tbody tr"))).hasSize(3);
    axe("imports-preview-" + lang);

    // a correction of the UN figures of 2014, declared the complete year of its source: the
    // preview says so and lists changed and removed rows; the batch page lists them as they were;
    // the revert puts them back
    String before2014 = figures2014();
    upload(
        "personnel-un",
        "un-contributions-by-year",
        "\"\",\"Year\",\"Country\",\"Mission\",\"Female\",\"Male\",\"Total\"\r\n"
            + "\"1\",2014,\"Norway\",\"MINUSMA\",2,16,18\r\n",
        "table.changes",
        true);
    assertThat(browser.findElement(By.id("complete-scope")).getText())
        .contains("un-contributions-by-year \u00b7 2014");
    assertThat(browser.findElements(By.cssSelector("table.changes"))).hasSize(2);
    axe("imports-preview-changes-" + lang);
    browser.findElement(By.cssSelector("form[action='/imports/commit'] button")).click();
    // the commit answers with the batch page (the preview's address is /imports/preview)
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.and(
                org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(".*/imports/[0-9]+$"),
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("table.changes"))));
    assertThat(figures2014()).isNotEqualTo(before2014);
    axe("imports-batch-changes-" + lang);
    String batchPage = browser.getCurrentUrl();
    browser.findElement(By.cssSelector("form[action$='/revert'] button")).click();
    // the revert answers with the page of the revert batch, once it is committed
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(d -> !d.getCurrentUrl().equals(batchPage));
    assertThat(figures2014()).as("reverted").isEqualTo(before2014);
  }

  /** Uploads {@code csv} through the form, as a person would; waits for {@code shown}. */
  private void upload(String kind, String source, String csv, String shown) throws Exception {
    upload(kind, source, csv, shown, false);
  }

  private void upload(String kind, String source, String csv, String shown, boolean complete)
      throws Exception {
    Path file = Files.createTempFile("upload-", ".csv");
    Files.writeString(file, csv);
    browser.get("http://localhost:" + port + "/imports");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind")))
        .selectByValue(kind);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("source")))
        .selectByValue(source);
    if (complete) {
      browser.findElement(By.id("complete")).click();
    }
    browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("form.upload button")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(shown)));
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.JdbcTemplate sql;

  private String figures2014() {
    return sql.queryForObject(
        "select count(*) || ':' || md5(string_agg(f::text, ',' order by id))"
            + " from personnel_figure f where year = 2014",
        String.class);
  }

  /** Through the login form, as a person would; waits for the page that follows. */
  private void logIn(String user, String lang) {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/login?lang=" + lang);
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
    browser.findElement(By.cssSelector("form.login button")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".account .user"), user));
  }

  private void check(String path, String lang) throws Exception {
    String url =
        "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    browser.get(url);
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
    axe(shotName(path) + "-" + lang);
  }

  private static String shotName(String path) {
    return "/".equals(path) ? "home" : path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-", "");
  }

  /** axe-core on the page the browser shows, and a screenshot of it in target/screenshots. */
  private void axe(String name) throws Exception {
    String url = browser.getCurrentUrl();
    var result =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser);
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

  @Test
  void theFiltersChartAndMapWorkByKeyboard() {
    browser.get("http://localhost:" + port + "/deployments?contributor=NOR&group=mission&lang=en");
    // the searchable picker: typing narrows the list of contributors, the arrow key goes on to it
    var search = browser.findElement(By.id("contributor-search"));
    search.sendKeys("swe");
    var visible =
        browser.findElements(By.cssSelector("#contributor option")).stream()
            .filter(o -> o.getAttribute("hidden") == null)
            .map(o -> o.getAttribute("value"))
            .toList();
    // Sweden matches; Norway stays because it is chosen
    assertThat(visible).contains("SWE", "NOR").doesNotContain("DNK", "FIN");
    search.sendKeys(Keys.ARROW_DOWN);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("contributor");
    // the chosen filter as a chip that removes it
    var chip = browser.findElement(By.cssSelector(".chips a"));
    assertThat(chip.getAttribute("aria-label"))
        .isEqualTo("Remove the filter Contributing country: Norway");
    assertThat(chip.getAttribute("href")).doesNotContain("contributor=").contains("group=mission");
    // Tab on from the list to the first bar of the chart: named by its year and numbers, its total
    // shown while it has the focus
    var focused = tabTo("a.bar");
    assertThat(focused.getAttribute("aria-label")).matches("\\d{4}: [0-9 ]+( \\(.*)?");
    var value = focused.findElement(By.cssSelector("text.value"));
    assertThat(browser.executeScript("return getComputedStyle(arguments[0]).opacity", value))
        .isEqualTo("1");
    // and on to the map: Norway, named with its number
    focused = tabTo(".world-map a");
    assertThat(focused.getAttribute("aria-label")).startsWith("Norway: ").contains("personnel");
    focused.sendKeys(Keys.ENTER);
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/countries/NOR"));
  }

  /** Presses Tab until an element matching {@code css} has the focus (at most 400 times). */
  private WebElement tabTo(String css) {
    for (int i = 0; i < 400; i++) {
      var active = browser.switchTo().activeElement();
      if ((Boolean)
          browser.executeScript("return arguments[0].matches(arguments[1])", active, css)) {
        return active;
      }
      active.sendKeys(Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + css);
  }

  static Stream<String> keyboardScreens() {
    return Stream.of("/", "/deployments", "/missions/UNTSO");
  }
}
