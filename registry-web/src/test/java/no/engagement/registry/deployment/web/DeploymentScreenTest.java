package no.engagement.registry.deployment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** /deployments and its CSV over real HTTP, checked against independent SQL. */
@RegistryWebTest
class DeploymentScreenTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate sql;

  @Test
  void norwaysDeploymentsIn2019ByMission() throws Exception {
    String html =
        get("/deployments?lang=en&contributor=NOR&from=2019&to=2019&group=mission").body();
    assertThat(rowLabels(html)).containsExactly("MINUSMA", "UNMISS", "UNTSO", "UNVMC");
    // MINUSMA 52 + UNMISS 35 + UNTSO 13 + UNVMC 2 (annual averages, totals as reported)
    assertThat(html).contains("Total 102 from 4 figures.");
  }

  @Test
  void theFormShowsTheFiltersOfTheView() throws Exception {
    String html =
        get("/deployments?lang=en&contributor=NOR&contributor=SWE&host=MLI&mission=UNMISS"
                + "&region=MIDDLE-EAST&type=police&type=military&from=2015&to=2019"
                + "&basis=snapshot&gender=female&group=contributor&sort=total")
            .body();
    assertThat(selected(html, "contributor")).containsExactly("NOR", "SWE");
    assertThat(selected(html, "host")).containsExactly("MLI");
    assertThat(selected(html, "mission")).containsExactly("UNMISS");
    assertThat(selected(html, "region")).containsExactly("MIDDLE-EAST");
    assertThat(selected(html, "type")).containsExactlyInAnyOrder("police", "military");
    assertThat(selected(html, "basis")).containsExactly("snapshot");
    assertThat(selected(html, "gender")).containsExactly("female");
    assertThat(selected(html, "group")).containsExactly("contributor");
    assertThat(selected(html, "sort")).containsExactly("total");
    // every region and personnel type of the registry is offered, with its English name
    assertThat(options(html, "region"))
        .hasSize(sql.queryForObject("select count(*) from region", Integer.class))
        .contains("<option value=\"MIDDLE-EAST\" selected>the Middle East</option>");
    assertThat(options(html, "type"))
        .hasSize(sql.queryForObject("select count(*) from personnel_type", Integer.class));
    assertThat(html).contains("value=\"2015\"").contains("value=\"2019\"");
    // the fixed lists offer every word, named in the page's language
    assertThat(options(html, "group"))
        .hasSize(6)
        .contains("<option value=\"contributor\" selected>Contributing country</option>");
    assertThat(options(html, "sort")).hasSize(4);
    assertThat(options(get("/deployments?lang=nb&sort=-key").body(), "sort"))
        .contains("<option value=\"-key\" selected>etter navn eller år, synkende</option>");
    // a list of each figure of every gender keeps "all" in the form
    assertThat(selected(get("/deployments?lang=en&gender=all&group=none").body(), "gender"))
        .containsExactly("all");
    assertThat(options(get("/deployments?lang=en").body(), "gender")).hasSize(3);
  }

  @Test
  void theListsOfferWhatHasFiguresOrHostsAMissionAndKeepAnyOtherChoice() throws Exception {
    String html = get("/deployments?lang=en").body();
    int countries = sql.queryForObject("select count(*) from country", Integer.class);
    List<String> contributors =
        sql.queryForList(
            "select iso3 from country c where exists"
                + " (select 1 from personnel_figure f where f.contributor_iso3 = c.iso3)",
            String.class);
    List<String> hosts = sql.queryForList("select distinct iso3 from mission_host", String.class);
    assertThat(values(html, "contributor"))
        .containsExactlyInAnyOrderElementsOf(contributors)
        .hasSizeLessThan(countries);
    assertThat(values(html, "host"))
        .containsExactlyInAnyOrderElementsOf(hosts)
        .hasSizeLessThan(countries);
    // a country neither list has, chosen in the query string, stays chosen: every country is
    // offered
    String other =
        sql.queryForObject(
            "select min(iso3) from country c where not exists"
                + " (select 1 from personnel_figure f where f.contributor_iso3 = c.iso3)"
                + " and not exists (select 1 from mission_host h where h.iso3 = c.iso3)",
            String.class);
    String chosen = get("/deployments?lang=en&contributor=" + other + "&host=" + other).body();
    assertThat(selected(chosen, "contributor")).containsExactly(other);
    assertThat(selected(chosen, "host")).containsExactly(other);
    assertThat(options(chosen, "contributor")).hasSize(countries);
    // the missions with figures, their own or a statement's; any other chosen stays chosen
    List<String> missions =
        sql.queryForList(
            "select acronym from mission m where exists"
                + " (select 1 from personnel_figure f where f.mission_id = m.id) or exists"
                + " (select 1 from personnel_figure_mission s where s.mission_id = m.id)",
            String.class);
    int allMissions = sql.queryForObject("select count(*) from mission", Integer.class);
    assertThat(values(html, "mission"))
        .containsExactlyInAnyOrderElementsOf(missions)
        .contains("UNMISS")
        .hasSizeLessThan(allMissions);
    String quiet =
        sql.queryForObject(
            "select min(acronym) from mission m where not exists"
                + " (select 1 from personnel_figure f where f.mission_id = m.id) and not exists"
                + " (select 1 from personnel_figure_mission s where s.mission_id = m.id)",
            String.class);
    String withQuiet = get("/deployments?lang=en&mission=" + quiet).body();
    assertThat(selected(withQuiet, "mission")).containsExactly(quiet);
    assertThat(options(withQuiet, "mission")).hasSize(allMissions);
  }

  /** The values of the options of the select named {@code name}. */
  private static List<String> values(String html, String name) {
    return options(html, name).stream()
        .map(o -> o.replaceAll("^<option value=\"([^\"]*)\".*$", "$1"))
        .toList();
  }

  /** The option elements of the select named {@code name}. */
  private static List<String> options(String html, String name) {
    int start = html.indexOf("<select id=\"" + name + "\"");
    String select = html.substring(start, html.indexOf("</select>", start));
    return Pattern.compile("<option[^>]*>[^<]*</option>")
        .matcher(select)
        .results()
        .map(m -> m.group())
        .toList();
  }

  private static List<String> selected(String html, String name) {
    return options(html, name).stream()
        .filter(o -> o.contains(" selected"))
        .map(o -> o.replaceAll("^<option value=\"([^\"]*)\".*$", "$1"))
        .toList();
  }

  @Test
  void aViewWithoutFiguresSaysSoInBothTables() throws Exception {
    String query = "lang=en&contributor=NOR&from=1950&to=1950";
    assertThat(get("/deployments?" + query + "&group=mission").body())
        .contains("No figures match these filters.")
        .contains("Total 0 from 0 figures.");
    assertThat(get("/deployments?" + query + "&group=none").body())
        .contains("No figures match these filters.");
    assertThat(get("/deployments.csv?" + query + "&group=mission").body().split("\r\n"))
        .containsExactly(
            "mission,label,total,figures,basis,gender,months_min,months_max,flags,depth");
  }

  @Test
  void theCsvHasExactlyTheRowsOfTheScreen() throws Exception {
    String query = "contributor=NOR&from=2019&to=2019&group=mission";
    var csv = get("/deployments.csv?" + query);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body().split("\r\n"))
        .containsExactly(
            "mission,label,total,figures,basis,gender,months_min,months_max,flags,depth",
            "MINUSMA,MINUSMA,52,1,annual_average,total,12,12,,0",
            "UNMISS,UNMISS,35,1,annual_average,total,12,12,,0",
            "UNTSO,UNTSO,13,1,annual_average,total,12,12,,0",
            "UNVMC,UNVMC,2,1,annual_average,total,12,12,,0");
  }

  @Test
  void theJsonHasTheNumbersOfTheScreen() throws Exception {
    var json = get("/deployments.json?contributor=NOR&from=2019&to=2019&group=mission&lang=en");
    assertThat(json.statusCode()).isEqualTo(200);
    var view = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json.body());
    // the screen's "Total 102 from 4 figures": MINUSMA 52 + UNMISS 35 + UNTSO 13 + UNVMC 2
    assertThat(view.path("total").decimalValue()).isEqualByComparingTo("102");
    assertThat(view.path("figures").asLong()).isEqualTo(4);
    assertThat(view.path("basis").asString()).isEqualTo("annual_average");
    var groups = new java.util.ArrayList<String>();
    for (var g : view.path("groups")) {
      groups.add(
          g.path("code").asString()
              + " "
              + g.path("total").decimalValue().stripTrailingZeros().toPlainString()
              + " "
              + g.path("monthsMin").asInt()
              + "-"
              + g.path("monthsMax").asInt()
              + " "
              + g.path("flags"));
    }
    assertThat(groups)
        .containsExactly(
            "MINUSMA 52 12-12 []", "UNMISS 35 12-12 []", "UNTSO 13 12-12 []", "UNVMC 2 12-12 []");
    assertThat(view.path("selection").path("contributor").get(0).asString()).isEqualTo("NOR");
    assertThat(view.path("next").isNull()).isTrue();
  }

  @Test
  void theJsonPagesThroughEveryFigureOfIndependentSql() throws Exception {
    var expected =
        sql.queryForList(
            "select id from personnel_figure where year = 2015 and basis = 'annual_average'"
                + " and gender = 'total' order by id",
            Long.class);
    assertThat(expected.size()).isGreaterThan(100);
    var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
    var ids = new java.util.ArrayList<Long>();
    String next = "/deployments.json?group=none&from=2015&to=2015";
    int pages = 0;
    while (next != null) {
      var page = mapper.readTree(get(next).body());
      page.path("items").forEach(f -> ids.add(f.path("id").asLong()));
      next = page.path("next").isNull() ? null : page.path("next").asString();
      pages++;
    }
    assertThat(pages).isGreaterThan(1);
    assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyFigureOfTheViewIsInTheCsvNotOnePage() throws Exception {
    var csv = get("/deployments.csv?group=none&from=2015&to=2015");
    int expected =
        sql.queryForObject(
            "select count(*) from personnel_figure where year = 2015 and basis = 'annual_average'"
                + " and gender = 'total'",
            Integer.class);
    assertThat(expected).isGreaterThan(100);
    assertThat(csv.body().split("\r\n")).hasSize(expected + 1);
  }

  @Test
  void theFigureCsvHasTheFiguresOfIndependentSqlWithTheirNamesAndSources() throws Exception {
    // statements: several missions in one figure, text with commas and quotes, a source document
    var csv = get("/deployments.csv?group=none&basis=approximate_statement&lang=nb");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/csv")
        .contains("charset=UTF-8");
    var lines = csv.body().split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "id,contributor,contributor_name,missions,year,period_start,period_end,personnel_type,"
                + "gender,count,basis,approximate,stated_text,source_id,source_title,batch_id,batch_file,"
                + "flags");
    List<String> expected =
        sql.queryForList(
            "select f.id || ',' || f.contributor_iso3 || ',' || c.name_nb || ','"
                + " || (select string_agg(m.acronym, ' + ' order by m.acronym)"
                + "     from personnel_figure_mission s join mission m on m.id = s.mission_id"
                + "     where s.figure_id = f.id)"
                + " || ',' || f.year || ',,,' || f.personnel_type || ',' || f.gender || ','"
                + " || trim_scale(f.count) || ',approximate_statement,' || f.approximate"
                + " || ',\"' || replace(f.stated_text, '\"', '\"\"') || '\",' || d.id"
                + " || ',\"' || d.title || '\",' || b.id || ',' || b.file_name || ','"
                + " from personnel_figure f join country c on c.iso3 = f.contributor_iso3"
                + " join source_document d on d.id = f.source_id"
                + " join import_batch b on b.id = f.batch_id"
                + " where f.basis = 'approximate_statement' and f.gender = 'total' order by f.id",
            String.class);
    assertThat(expected).hasSizeGreaterThan(3);
    assertThat(List.of(lines).subList(1, lines.length)).isEqualTo(expected);
    // the same rows in the Excel dialect: BOM, semicolons, and an unknown code is still a 404
    var excel =
        new WebClient(port)
            .bytes("/deployments.csv?group=none&basis=approximate_statement&dialect=excel-nb");
    assertThat(excel.body()).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(excel.body(), StandardCharsets.UTF_8).split("\r\n"))
        .hasSize(lines.length)
        .anySatisfy(l -> assertThat(l).startsWith(expected.getFirst().split(",")[0] + ";NOR;"));
    assertThat(get("/deployments.csv?group=none&mission=NOPE").statusCode()).isEqualTo(404);
  }

  @Test
  void theExcelDialectHasBomSemicolonsAndDecimalCommas() throws Exception {
    var response =
        new WebClient(port)
            .bytes("/deployments.csv?contributor=NOR&group=mission&dialect=excel-nb");
    byte[] body = response.body();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(body, StandardCharsets.UTF_8))
        .contains("mission;label;total;figures;basis;gender;months_min;months_max;flags;depth\r\n");
  }

  @Test
  void aStatementCoveringSeveralMissionsIsOneFigureNeverSplit() throws Exception {
    String html =
        get("/deployments?lang=en&contributor=NOR&basis=approximate_statement&group=mission&from=2017&to=2017")
            .body();
    assertThat(rowLabels(html))
        .containsExactlyInAnyOrder("MINUSMA + UNMISS + UNTSO", "MINUSTAH + UNMC + UNMIL + UNMISS");
  }

  @Test
  void theSameStatementInTwoDocumentsCountsOnceNotTwice() throws Exception {
    // the English and the Norwegian 2018 pages both state "around 45" in MINUSMA, UNMISS, UNTSO;
    // the Norwegian page is the English one's translation: one fact, one figure counted
    String csv =
        get("/deployments.csv?contributor=NOR&basis=approximate_statement&group=mission&from=2018&to=2018&type=military")
            .body();
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "mission,label,total,figures,basis,gender,months_min,months_max,flags,depth",
            ",MINUSMA + UNMISS + UNTSO,45,1,approximate_statement,total,,,,0");
  }

  @Test
  void eachFigureInTheCsvCarriesItsFlags() throws Exception {
    var flagged =
        get("/deployments.csv?group=none&contributor=NOR&from=2012&to=2012").body().split("\r\n");
    var full =
        get("/deployments.csv?group=none&contributor=NOR&from=2013&to=2013").body().split("\r\n");
    int figures2012 =
        sql.queryForObject(
            "select count(*) from personnel_figure where contributor_iso3 = 'NOR' and year = 2012"
                + " and basis = 'annual_average' and gender = 'total'",
            Integer.class);
    assertThat(flagged).hasSize(figures2012 + 1);
    assertThat(List.of(flagged).subList(1, flagged.length))
        .allSatisfy(l -> assertThat(l).endsWith(",partial_year"));
    assertThat(List.of(full).subList(1, full.length)).allSatisfy(l -> assertThat(l).endsWith(","));
  }

  @Test
  void theSourcesComparedListEachSourcesFigureWithItsMonthsAndFlags() throws Exception {
    long un =
        sql.queryForObject(
            "select id from source_document where code = 'un-contributions-by-year'", Long.class);
    long en2017 =
        sql.queryForObject(
            "select id from source_document where code = 'mfa-peace-security-2017-en'", Long.class);
    long en2018 =
        sql.queryForObject(
            "select id from source_document where code = 'mfa-peace-security-2018-en'", Long.class);
    String title = "\"UN peacekeeping contributions by country, mission and year, 2010-2021\"";
    // by hand from seed-data/un-contributions-by-year.csv (Norway's totals: 2017 29 in 6 missions,
    // 2018 66 in 5) and from the pages (about 45 military + about 30 police)
    assertThat(
            get("/deployments/sources.csv?contributor=NOR&from=2017&to=2018").body().split("\r\n"))
        .containsExactly(
            "year,basis,source_id,source_title,total,difference,months_min,months_max,flags,figures,gender",
            "2017,annual_average," + un + "," + title + ",29,,5,5,partial_year,6,total",
            "2017,approximate_statement,"
                + en2017
                + ",\"Peace, stability and security\",75,,,,,2,total",
            "2018,annual_average," + un + "," + title + ",66,,12,12,,5,total",
            "2018,approximate_statement,"
                + en2018
                + ",\"Peace, stability and security\",75,,,,,2,total");
    var page = get("/deployments/sources?lang=en&contributor=NOR&from=2017&to=2018");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("5 of 12 months").contains("partial year");
    assertThat(get("/discrepancies?threshold=200&lang=en").statusCode()).isEqualTo(400);
    assertThat(get("/discrepancies?threshold=5&lang=en").body()).contains("more than 5 %");
  }

  @Test
  void badInputIsA400ThatNamesTheParameterAndAnUnknownCodeA404() throws Exception {
    var bad = get("/deployments?lang=en&from=abc");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\u00abfrom\u00bb = \u00ababc\u00bb is not a year");
    var order = get("/deployments?lang=en&from=2020&to=2010");
    assertThat(order.statusCode()).isEqualTo(400);
    var unknown = get("/deployments?lang=en&contributor=XXX");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\u00abXXX\u00bb");
    assertThat(get("/deployments.csv?mission=NOPE").statusCode()).isEqualTo(404);
    assertThat(get("/deployments.csv?dialect=ods").statusCode()).isEqualTo(400);
  }

  private static List<String> rowLabels(String html) {
    String groups = html.substring(html.indexOf("<table class=\"groups\">"));
    groups = groups.substring(0, groups.indexOf("</table>"));
    return Pattern.compile("<th scope=\"row\">([^<]*)</th>")
        .matcher(groups)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return new WebClient(port).get(path);
  }
}
