package no.engagement.registry.changes.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import no.engagement.registry.imports.ImportRequest;
import no.engagement.registry.imports.ImportService;
import no.engagement.registry.release.ReleaseService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Atom feeds, read as a feed reader reads them (ROME), and each valid against the RELAX NG
 * schema of RFC 4287: following "MINUSMA" shows a new entry, with the figure before and after, once
 * an import changes one of its figures; the import and revert feed and the releases feed say what
 * the database says.
 */
@RegistryWebTest
class FeedsTest {

  @LocalServerPort int port;
  @Autowired ImportService imports;
  @Autowired ReleaseService releases;
  @Autowired JdbcTemplate sql;
  private final List<Long> committed = new ArrayList<>();

  @AfterEach
  void revert() {
    for (long batch : committed.reversed()) {
      imports.revert(batch, "feeds-test", null);
    }
    committed.clear();
  }

  private String get(String path) throws Exception {
    var response =
        new WebClient(port)
            .get(path, "Accept", "application/atom+xml", "X-Forwarded-For", "198.51.100.41");
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/atom+xml");
    return response.body();
  }

  /** The feed at {@code path}, after checking it against RFC 4287's schema. */
  private Feed feed(String path) throws Exception {
    String xml = get(path);
    assertThat(schemaErrors(xml)).as(path).isEmpty();
    return (Feed) new WireFeedInput().build(new StringReader(xml));
  }

  /** What RFC 4287's schema finds wrong with {@code xml}. */
  private List<String> schemaErrors(String xml) throws Exception {
    var errors = new ArrayList<String>();
    var properties = new PropertyMapBuilder();
    properties.put(
        ValidateProperty.ERROR_HANDLER,
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            errors.add(e.getLineNumber() + ": " + e.getMessage());
          }
        });
    var driver =
        new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
    assertThat(
            driver.loadSchema(
                ValidationDriver.uriOrFileInputSource(
                    getClass().getResource("/atom/atom.rnc").toString())))
        .isTrue();
    if (!driver.validate(new InputSource(new StringReader(xml)))) {
      errors.add("invalid");
    }
    return errors;
  }

  @Test
  void theSchemaRefusesAFeedWithoutItsId() throws Exception {
    String xml = get("/changes.atom");
    assertThat(schemaErrors(xml)).isEmpty();
    String withoutId = xml.replaceFirst("<id>[^<]*</id>", "");
    assertThat(schemaErrors(withoutId)).isNotEmpty();
  }

  @Test
  void followingAMissionShowsTheFigureAnImportChanged() throws Exception {
    // a figure of Norway in MINUSMA, read straight from the table
    var figure =
        sql.queryForMap(
            "select f.year, f.period_start, f.period_end, f.personnel_type::text as type,"
                + " f.gender::text as gender, f.count, s.code as source"
                + " from personnel_figure f join mission m on m.id = f.mission_id"
                + " join source_document s on s.id = f.source_id"
                + " where m.acronym = 'MINUSMA' and f.contributor_iso3 = 'NOR'"
                + " and f.basis = 'annual_average' order by f.year, f.gender limit 1");
    BigDecimal before = (BigDecimal) figure.get("count");
    BigDecimal after = before.add(BigDecimal.valueOf(7));
    var entriesBefore = feed("/missions/MINUSMA.atom?lang=en").getEntries().size();

    String file =
        "contributor,mission,year,period_start,period_end,personnel_type,gender,count,basis\n"
            + "NOR,MINUSMA,%s,%s,%s,%s,%s,%s,annual_average\n"
                .formatted(
                    figure.get("year"),
                    figure.get("period_start"),
                    figure.get("period_end"),
                    figure.get("type"),
                    figure.get("gender"),
                    after.toPlainString());
    var report =
        imports.importFile(
            new ImportRequest(
                "personnel",
                "minusma-correction.csv",
                file.getBytes(StandardCharsets.UTF_8),
                "feeds-test",
                (String) figure.get("source"),
                false));
    assertThat(report.errors()).isEmpty();
    committed.add(report.batchId());

    var feed = feed("/missions/MINUSMA.atom?lang=en");
    assertThat(feed.getEntries()).hasSize(entriesBefore + 1);
    Entry newest = feed.getEntries().getFirst();
    assertThat(newest.getTitle())
        .isEqualTo("Import " + report.batchId() + " (personnel): 0 added, 1 changed, 0 removed");
    String content = newest.getContents().getFirst().getValue();
    assertThat(content)
        .contains(
            "changed: NOR \u00b7 MINUSMA \u00b7 " + figure.get("year"),
            "count " + before.toPlainString() + " \u2192 " + after.toPlainString());
    assertThat(newest.getAlternateLinks().getFirst().getHref())
        .endsWith("/changes/" + report.batchId() + ".json");
    // Norway's feed has it too; another mission's does not
    assertThat(feed("/countries/NOR.atom?lang=en").getEntries().getFirst().getTitle())
        .isEqualTo(newest.getTitle());
    assertThat(feed("/missions/UNMISS.atom?lang=en").getEntries())
        .extracting(Entry::getTitle)
        .doesNotContain(newest.getTitle());
  }

  @Test
  void theChangesFeedCountsWhatEachBatchWrote() throws Exception {
    var feed = feed("/changes.atom?lang=en");
    var newest =
        sql.queryForMap(
            "select id, kind, reverts_batch_id, rows_inserted, rows_updated, rows_deleted"
                + " from import_batch where status in ('committed', 'reverted')"
                + " order by id desc limit 1");
    String counts =
        "%s added, %s changed, %s removed"
            .formatted(
                newest.get("rows_inserted"),
                newest.get("rows_updated"),
                newest.get("rows_deleted"));
    assertThat(feed.getEntries().getFirst().getTitle())
        .isEqualTo(
            newest.get("reverts_batch_id") == null
                ? "Import %s (%s): %s".formatted(newest.get("id"), newest.get("kind"), counts)
                : "Revert %s of import %s: %s"
                    .formatted(newest.get("id"), newest.get("reverts_batch_id"), counts));
    assertThat(feed.getEntries())
        .hasSize(
            Math.min(
                50,
                sql.queryForObject(
                    "select count(*) from import_batch where status in ('committed', 'reverted')",
                    Integer.class)));
  }

  @Test
  void theReleasesFeedListsEveryReleaseWithItsDiff() throws Exception {
    if (releases.all().size() < 2) {
      releases.publish("2097.1", "feeds test, first", "feeds-test", null, null);
      releases.publish("2097.2", "feeds test, second", "feeds-test", null, null);
    }
    var all = releases.all();
    var feed = feed("/releases.atom?lang=en");
    assertThat(feed.getEntries())
        .hasSize(sql.queryForObject("select count(*) from release", Integer.class));
    var newest = feed.getEntries().getFirst();
    assertThat(newest.getTitle()).isEqualTo("Release " + all.getFirst().version());
    assertThat(newest.getOtherLinks().getFirst().getHref())
        .endsWith("/releases/" + all.getFirst().version() + "/diff?from=" + all.get(1).version());
  }

  @Test
  void aPeaceProcessHasItsFeedAndAnUnknownCodeIsA404() throws Exception {
    String code = sql.queryForObject("select min(code) from peace_process", String.class);
    assertThat(feed("/peace-processes/" + code + ".atom").getEntries()).isNotEmpty();
    var missing = new WebClient(port).get("/missions/NO-SUCH-MISSION.atom");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("Exception");
  }
}
