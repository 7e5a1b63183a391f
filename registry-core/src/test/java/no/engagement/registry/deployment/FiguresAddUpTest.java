package no.engagement.registry.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.engagement.registry.RegistryTest;
import no.engagement.registry.deployment.DeploymentFilter.Grouping;
import no.engagement.registry.deployment.DeploymentFilter.Sort;
import no.engagement.registry.discrepancy.DiscrepancyService;
import no.engagement.registry.figure.FigureQueries;
import no.engagement.registry.imports.ImportReport;
import no.engagement.registry.imports.ImportRequest;
import no.engagement.registry.imports.ImportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Totals count each person once and add up (V9__figures_that_add_up.sql). Every expected value here
 * is computed by hand from the fixture rows written beside it, or by SQL over the figures table
 * that does not use the series; the fixtures are imported through the staff's import path in years
 * no other test uses (2030 to 2032), and reverted after each test.
 */
@RegistryTest
class FiguresAddUpTest {

  private static final String PERSONNEL =
      "contributor,mission,year,period_start,period_end,personnel_type,gender,count,basis,source\n";

  /** Two seed sources that state no personnel figures of these years. */
  private static final String A = "mfa-policy-of-engagement-2013";

  private static final String B = "mfa-international-commitment-2014";

  @Autowired DeploymentService deployments;
  @Autowired DiscrepancyService discrepancies;
  @Autowired no.engagement.registry.mission.MissionService missions;
  @Autowired no.engagement.registry.country.CountryService countries;
  @Autowired ImportService imports;
  @Autowired JdbcTemplate sql;

  @BeforeEach
  @AfterEach
  void revertFixtures() {
    for (Long batch :
        sql.queryForList(
            "select batch_id from (select batch_id from personnel_figure where year between 2030"
                + " and 2032 union select batch_id from figure_flag where year between 2030 and"
                + " 2032) b where batch_id is not null order by batch_id desc",
            Long.class)) {
      imports.revert(batch, "figures-test", null);
    }
  }

  private ImportReport load(String kind, String csv) {
    var report =
        imports.importFile(
            new ImportRequest(
                kind,
                kind + "-fixture.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                "figures-test",
                null,
                false));
    assertThat(report.errors()).as("%s", report.errors()).isEmpty();
    return report;
  }

  private static DeploymentFilter filter(
      List<String> contributors,
      List<String> missions,
      List<String> types,
      int from,
      int to,
      String basis,
      Grouping group) {
    return new DeploymentFilter(
        contributors,
        missions,
        List.of(),
        List.of(),
        from,
        to,
        types,
        "total",
        basis,
        group,
        Sort.KEY);
  }

  private DeploymentView view(DeploymentFilter f) {
    return deployments.view(f, "en", 0);
  }

  /** A contributor's total in one year on a mission's page (its one series). */
  private static BigDecimal total(
      no.engagement.registry.mission.MissionDetail m, String iso3, int year) {
    var series = m.personnel().stream().filter(p -> p.iso3().equals(iso3)).toList();
    assertThat(series).as("%s on %s's page", iso3, m.mission().acronym()).hasSize(1);
    return series.getFirst().totals().get(m.years().indexOf(year));
  }

  /** A mission's total in one year on a country's page (its one series). */
  private static BigDecimal total(
      no.engagement.registry.country.CountryDetail c, String acronym, int year) {
    var series = c.contributions().stream().filter(s -> s.acronym().equals(acronym)).toList();
    assertThat(series).as("%s on %s's page", acronym, c.country().iso3()).hasSize(1);
    return series.getFirst().totals().get(c.years().indexOf(year));
  }

  private static Map<String, BigDecimal> totals(List<DeploymentView.Group> groups) {
    return groups.stream()
        .collect(
            Collectors.toMap(
                g -> g.code() == null ? g.label() : g.code(),
                g -> new BigDecimal(g.total().stripTrailingZeros().toPlainString()),
                (a, b) -> a,
                TreeMap::new));
  }

  @Test
  void aTotalBesideItsBreakdownCountsOnceAndTheTypeTreeShowsParentsAsSums() {
    // one snapshot of Norway in MINUSMA with the total and its breakdown: 12 troops + 8 staff
    // officers + 6 police = 26 people; military (20) and uniformed (26) are the same people again.
    // Beside it Norway's total over all its missions (26, mission blank) and Sweden's, which has
    // only that total (40).
    load(
        "personnel",
        PERSONNEL
            + "NOR,MINUSMA,2030,2030-03-31,2030-03-31,uniformed,total,26,snapshot,"
            + A
            + "\nNOR,MINUSMA,2030,2030-03-31,2030-03-31,military,total,20,snapshot,"
            + A
            + "\nNOR,MINUSMA,2030,2030-03-31,2030-03-31,troops,total,12,snapshot,"
            + A
            + "\nNOR,MINUSMA,2030,2030-03-31,2030-03-31,staff_officers,total,8,snapshot,"
            + A
            + "\nNOR,MINUSMA,2030,2030-03-31,2030-03-31,police,total,6,snapshot,"
            + A
            + "\nNOR,,2030,2030-03-31,2030-03-31,uniformed,total,26,snapshot,"
            + A
            + "\nSWE,,2030,2030-03-31,2030-03-31,uniformed,total,40,snapshot,"
            + A
            + "\n");
    var nor =
        view(filter(List.of("NOR"), List.of(), List.of(), 2030, 2030, "snapshot", Grouping.YEAR));
    assertThat(nor.total()).isEqualByComparingTo("26");
    assertThat(nor.figures()).as("the three figures that count").isEqualTo(3);
    assertThat(nor.trend().getFirst().coverage()).isEqualTo(new DeploymentView.Coverage(1, 1));

    var byType =
        view(filter(List.of("NOR"), List.of(), List.of(), 2030, 2030, "snapshot", Grouping.TYPE));
    assertThat(byType.total()).isEqualByComparingTo("26");
    assertThat(byType.groups())
        .extracting(
            DeploymentView.Group::code, g -> g.total().intValue(), DeploymentView.Group::depth)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("uniformed", 26, 0),
            org.assertj.core.groups.Tuple.tuple("military", 20, 1),
            org.assertj.core.groups.Tuple.tuple("troops", 12, 2),
            org.assertj.core.groups.Tuple.tuple("staff_officers", 8, 2),
            org.assertj.core.groups.Tuple.tuple("police", 6, 1));

    var military =
        view(
            filter(
                List.of("NOR"),
                List.of(),
                List.of("military"),
                2030,
                2030,
                "snapshot",
                Grouping.YEAR));
    assertThat(military.total()).as("troops + staff officers").isEqualByComparingTo("20");

    // all contributors: Norway's 26 and Sweden's 40, whose total over all missions is all it gives
    var all =
        view(filter(List.of(), List.of(), List.of(), 2030, 2030, "snapshot", Grouping.MISSION));
    assertThat(all.total()).isEqualByComparingTo("66");
    assertThat(totals(all.groups())).containsEntry("MINUSMA", new BigDecimal("26"));
  }

  @Test
  void theMissionAndCountryPagesCountATotalBesideItsBreakdownOnce() {
    // one source's annual averages for Norway in MINUSMA, 2032: uniformed 26 = troops 20 + police
    // 6; the pages summed every figure (52) before
    load(
        "personnel",
        PERSONNEL
            + "NOR,MINUSMA,2032,,,uniformed,total,26,annual_average,"
            + A
            + "\nNOR,MINUSMA,2032,,,troops,total,20,annual_average,"
            + A
            + "\nNOR,MINUSMA,2032,,,police,total,6,annual_average,"
            + A
            + "\n");
    assertThat(missions.personnel("MINUSMA", "en", "annual_average"))
        .filteredOn(r -> r.year() == 2032 && r.contributor().equals("NOR"))
        .singleElement()
        .satisfies(r -> assertThat(r.total()).isEqualByComparingTo("26"));
    assertThat(countries.contributions("NOR", "annual_average"))
        .filteredOn(r -> r.year() == 2032)
        .singleElement()
        .satisfies(r -> assertThat(r.total()).isEqualByComparingTo("26"));
  }

  @Test
  void aMissionWithOnlySnapshotsByGenderShowsThemOnItsPageAndTheCountrysPage() {
    // 2033, one source, monthly snapshots of UNYOM (no other figures), women and men but no total:
    // Norway's 3 women every month and 9 men from January to June
    var csv = new StringBuilder(PERSONNEL);
    for (int month = 1; month <= 12; month++) {
      String day = "2033-%02d-01".formatted(month);
      String row = "NOR,UNYOM,2033," + day + "," + day + ",troops,";
      csv.append(row).append("female,3,snapshot,").append(A).append('\n');
      if (month <= 6) {
        csv.append(row).append("male,9,snapshot,").append(A).append('\n');
      }
    }
    load("personnel", csv.toString());
    // by hand: women 12 x 3 / 12 = 3, men 6 x 9 / 12 = 4.5 (the source covers twelve months);
    // all genders 7.5. The page showed annual averages of the gender "total" only: nothing.
    var m = missions.mission("UNYOM", "en", null).orElseThrow();
    assertThat(m.basis()).isEqualTo("snapshot");
    assertThat(m.bases()).extracting(b -> b.basis()).containsExactly("snapshot");
    assertThat(m.years()).containsExactly(2033);
    assertThat(m.personnel()).hasSize(1);
    assertThat(total(m, "NOR", 2033)).isEqualByComparingTo("7.5");
    var c = countries.country("NOR", "en", "snapshot").orElseThrow();
    assertThat(total(c, "UNYOM", 2033)).isEqualByComparingTo("7.5");
  }

  @Test
  void aMissionOrCountryPageKeptBeforeAnImportShowsTheImportAndItsRevertAtOnce() {
    // the pages are kept per version of the data: seen once without 2032, then an import of
    // Norway's 12 troops in UNYOM in 2032 (annual average, by hand 12) and its revert
    assertThat(missions.mission("UNYOM", "en", "annual_average").orElseThrow().years())
        .doesNotContain(2032);
    assertThat(countries.country("NOR", "en", "annual_average").orElseThrow().years())
        .doesNotContain(2032);
    long batch =
        load("personnel", PERSONNEL + "NOR,UNYOM,2032,,,troops,total,12,annual_average," + A + "\n")
            .batchId();
    var m = missions.mission("UNYOM", "en", "annual_average").orElseThrow();
    assertThat(total(m, "NOR", 2032)).isEqualByComparingTo("12");
    var c = countries.country("NOR", "en", "annual_average").orElseThrow();
    assertThat(total(c, "UNYOM", 2032)).isEqualByComparingTo("12");
    imports.revert(batch, "figures-test", null);
    assertThat(missions.mission("UNYOM", "en", "annual_average").orElseThrow().years())
        .doesNotContain(2032);
    assertThat(countries.country("NOR", "en", "annual_average").orElseThrow().years())
        .doesNotContain(2032);
  }

  @Test
  void aYearOfSnapshotsIsTheMeanOfTheMonthlyTotalsSoMissionsAddUpToTheYear() {
    // 2031, one source, monthly: Norway's 10 troops in MINUSMA from January to June and in UNMISS
    // from July to December; Sweden's 12 in UNTSO from March to June only (a mission of 4 months).
    var csv = new StringBuilder(PERSONNEL);
    for (int month = 1; month <= 12; month++) {
      String day = "2031-%02d-01".formatted(month);
      csv.append("NOR,")
          .append(month <= 6 ? "MINUSMA" : "UNMISS")
          .append(",2031,")
          .append(day)
          .append(',')
          .append(day)
          .append(",troops,total,10,snapshot,")
          .append(A)
          .append('\n');
      if (month >= 3 && month <= 6) {
        csv.append("SWE,UNTSO,2031,")
            .append(day)
            .append(',')
            .append(day)
            .append(",troops,total,12,snapshot,")
            .append(A)
            .append('\n');
      }
    }
    load("personnel", csv.toString());
    // by hand: Norway 12 months x 10 / 12 = 10, each mission 6 x 10 / 12 = 5; Sweden 4 x 12 / 12
    // = 4 (the source covers twelve months); the year 10 + 4 = 14
    var nor =
        view(
            filter(List.of("NOR"), List.of(), List.of(), 2031, 2031, "snapshot", Grouping.MISSION));
    assertThat(nor.total()).isEqualByComparingTo("10");
    assertThat(totals(nor.groups()))
        .isEqualTo(Map.of("MINUSMA", new BigDecimal("5"), "UNMISS", new BigDecimal("5")));
    var year =
        view(filter(List.of(), List.of(), List.of(), 2031, 2031, "snapshot", Grouping.MISSION));
    assertThat(year.total()).isEqualByComparingTo("14");
    assertThat(totals(year.groups())).containsEntry("UNTSO", new BigDecimal("4"));
    assertThat(year.groups().stream().map(DeploymentView.Group::total).reduce(BigDecimal::add))
        .hasValueSatisfying(sum -> assertThat(sum).isEqualByComparingTo("14"));
    assertThat(year.trend().getFirst().coverage()).isEqualTo(new DeploymentView.Coverage(12, 12));
    var byContributor =
        view(filter(List.of(), List.of(), List.of(), 2031, 2031, "snapshot", Grouping.CONTRIBUTOR));
    assertThat(totals(byContributor.groups()))
        .isEqualTo(Map.of("NOR", new BigDecimal("10"), "SWE", new BigDecimal("4")));
  }

  @Test
  void oneStatementInTwoLanguagesCountsOnce() {
    // the seed: the English 2018 page says about 45 military and about 30 police; its Norwegian
    // version says the same numbers (naming other missions for the police): 45 + 30 = 75
    for (int year : new int[] {2017, 2018}) {
      var v =
          view(
              filter(
                  List.of("NOR"),
                  List.of(),
                  List.of(),
                  year,
                  year,
                  "approximate_statement",
                  Grouping.YEAR));
      assertThat(v.total()).as("%d", year).isEqualByComparingTo("75");
    }
    // the Norwegian page's figures are still there, linked to the English page as its translation
    assertThat(
            sql.queryForObject(
                "select count(*) from personnel_figure f join source_translation t on"
                    + " t.translation_id = f.source_id where f.year = 2018",
                Integer.class))
        .isEqualTo(2);
    // and the missions they differ on are one discrepancy
    assertThat(discrepancies.statements("en"))
        .filteredOn(d -> d.year() == 2018)
        .hasSize(1)
        .first()
        .satisfies(d -> assertThat(d.type()).isEqualTo("Police"));
  }

  @Test
  void partialYearsOfTheUnYearlyFileAreFlaggedWithTheirMonthsAndReason() {
    var v =
        view(
            filter(
                List.of("NOR"), List.of(), List.of(), 2010, 2021, "annual_average", Grouping.YEAR));
    Map<Integer, DeploymentView.YearTotal> byYear =
        v.trend().stream()
            .collect(Collectors.toMap(DeploymentView.YearTotal::year, t -> t, (a, b) -> a));
    assertThat(byYear.keySet()).contains(2010, 2011, 2021);
    for (int year = 2010; year <= 2021; year++) {
      var t = byYear.get(year);
      boolean partial = year == 2010 || year == 2012 || year == 2017 || year == 2021;
      assertThat(t.flags() & 1).as("partial_year %d", year).isEqualTo(partial ? 1 : 0);
    }
    assertThat(byYear.get(2010).total()).as("no Norwegian figures in 2010").isNull();
    assertThat(byYear.get(2012).coverage()).isEqualTo(new DeploymentView.Coverage(9, 9));
    assertThat(byYear.get(2021).coverage()).isEqualTo(new DeploymentView.Coverage(1, 1));
    assertThat(byYear.get(2011).coverage()).isEqualTo(new DeploymentView.Coverage(12, 12));
    assertThat(byYear.get(2021).total())
        .as("the file's own figure is kept, flagged")
        .isEqualByComparingTo("11");
    assertThat(v.flagNotes())
        .extracting(DeploymentView.FlagNote::year)
        .containsExactly(2010, 2012, 2017, 2021);
    assertThat(v.flagNotes()).allSatisfy(n -> assertThat(n.reason()).contains("divides"));
    // the country page's chart marks the same years: partial (bit 1) with the file's months
    var marks = countries.country("NOR", "en", "annual_average").orElseThrow().marks();
    assertThat(marks.get(2012)).isEqualTo(new FigureQueries.Marks(1, 9));
    assertThat(marks.get(2021)).isEqualTo(new FigureQueries.Marks(1, 1));
    assertThat(marks).doesNotContainKey(2011);
  }

  @Test
  void aFlagOfOneContributorMarksOnlyItsFigures() {
    load(
        "personnel",
        PERSONNEL
            + "NOR,MINUSMA,2032,,,troops,total,10,annual_average,"
            + A
            + "\nSWE,MINUSMA,2032,,,troops,total,4,annual_average,"
            + A
            + "\n");
    load(
        "figure-flags",
        "source,year,contributor,mission,flag,months_covered,reason\n"
            + A
            + ",2032,SWE,,estimated,,Sweden's figure is the ministry's estimate\n");
    var swe =
        view(
            filter(
                List.of("SWE"), List.of(), List.of(), 2032, 2032, "annual_average", Grouping.YEAR));
    var nor =
        view(
            filter(
                List.of("NOR"), List.of(), List.of(), 2032, 2032, "annual_average", Grouping.YEAR));
    assertThat(swe.trend().getFirst().flags()).isEqualTo(2);
    assertThat(swe.flagNotes())
        .extracting(DeploymentView.FlagNote::flag)
        .containsExactly("estimated");
    assertThat(nor.trend().getFirst().flags()).isZero();
    assertThat(nor.flagNotes()).isEmpty();
    // the pages mark it alike: Sweden's and the mission's 2032 estimated (bit 2), Norway's not
    assertThat(countries.country("SWE", "en", "annual_average").orElseThrow().marks())
        .containsEntry(2032, new FigureQueries.Marks(2, 12));
    assertThat(countries.country("NOR", "en", "annual_average").orElseThrow().marks())
        .doesNotContainKey(2032);
    assertThat(missions.mission("MINUSMA", "en", "annual_average").orElseThrow().marks())
        .containsEntry(2032, new FigureQueries.Marks(2, 12));
  }

  @Test
  void twoSourcesThatDifferAreAveragedComparedAndListedAsADiscrepancy() {
    load(
        "personnel",
        PERSONNEL
            + "NOR,MINUSMA,2032,,,troops,total,10,annual_average,"
            + A
            + "\nNOR,MINUSMA,2032,,,troops,total,14,annual_average,"
            + B
            + "\nNOR,UNMISS,2032,,,troops,total,3,annual_average,"
            + B
            + "\n");
    var f =
        filter(
            List.of("NOR"), List.of(), List.of(), 2032, 2032, "annual_average", Grouping.MISSION);
    var v = view(f);
    // MINUSMA: the mean of 10 and 14; UNMISS: 3, from one source
    assertThat(totals(v.groups()))
        .isEqualTo(Map.of("MINUSMA", new BigDecimal("12"), "UNMISS", new BigDecimal("3")));
    assertThat(v.total()).isEqualByComparingTo("15");
    assertThat(v.severalSources()).isTrue();
    assertThat(deployments.bySource(f))
        .extracting(s -> s.source(), s -> s.total().intValue())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                sql.queryForObject(
                    "select title from source_document where code = ?", String.class, A),
                10),
            org.assertj.core.groups.Tuple.tuple(
                sql.queryForObject(
                    "select title from source_document where code = ?", String.class, B),
                17));
    var listed = discrepancies.figures("en", 10).stream().filter(d -> d.year() == 2032).toList();
    assertThat(listed).hasSize(1);
    assertThat(listed.getFirst().missions()).isEqualTo("MINUSMA");
    assertThat(listed.getFirst().difference().abs()).isEqualByComparingTo("4");
    assertThat(discrepancies.figures("en", 50).stream().filter(d -> d.year() == 2032))
        .as("4 of 14 is under 50 %")
        .isEmpty();
  }

  @Test
  void everySeedYearsMissionsAndContributorsAddUpToTheYearAsIndependentSqlSays() {
    // the UN yearly file: one source, one period a year, every figure "uniformed": a year's total
    // is the plain sum of its total-gender figures
    Map<Integer, BigDecimal> expected = new TreeMap<>();
    sql.query(
        "select year, sum(count) from personnel_figure where basis = 'annual_average' and gender ="
            + " 'total' and year between 2010 and 2021 group by year",
        r -> {
          expected.put(r.getInt(1), r.getBigDecimal(2));
        });
    assertThat(expected).hasSize(12);
    for (String basis : List.of("annual_average", "approximate_statement")) {
      for (int year = 2010; year <= 2021; year++) {
        var total = view(filter(List.of(), List.of(), List.of(), year, year, basis, Grouping.YEAR));
        for (Grouping g :
            List.of(Grouping.MISSION, Grouping.CONTRIBUTOR, Grouping.HOST, Grouping.TYPE)) {
          var grouped = view(filter(List.of(), List.of(), List.of(), year, year, basis, g));
          BigDecimal sum =
              grouped.groups().stream()
                  .filter(x -> x.depth() == 0)
                  .map(DeploymentView.Group::total)
                  .reduce(BigDecimal.ZERO, BigDecimal::add);
          assertThat(sum).as("%s %d by %s", basis, year, g).isEqualByComparingTo(total.total());
        }
        if (basis.equals("annual_average")) {
          assertThat(total.total()).as("%d", year).isEqualByComparingTo(expected.get(year));
        }
      }
    }
  }
}
