package no.engagement.registry.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The seed, checked with independent SQL against what the source files say. */
@RegistryTest
class SeedLoadTest {

  @Autowired JdbcTemplate sql;
  @Autowired SeedLoader loader;

  @Test
  void everyIsoCountryIsThereWithBothNames() {
    assertThat(count("select count(*) from country")).isEqualTo(249);
    assertThat(sql.queryForObject("select name_nb from country where iso3 = 'NOR'", String.class))
        .isEqualTo("Norge");
    assertThat(
            sql.queryForObject("select numeric_code from country where iso2 = 'CI'", String.class))
        .isEqualTo("384");
  }

  @Test
  void allUnPeacekeepingMissionsAndThePoliticalMissionsOfTheContributionsFile() {
    assertThat(count("select count(*) from mission where kind = 'peacekeeping'")).isEqualTo(81);
    assertThat(
            sql.queryForList(
                "select acronym from mission where acronym in ('UNAMA','UNAMI','BINUH','UNSMIL',"
                    + "'UNSOM','UNOWAS','UNVMC','UNMC') order by acronym",
                String.class))
        .containsExactly("BINUH", "UNAMA", "UNAMI", "UNMC", "UNOWAS", "UNSMIL", "UNSOM", "UNVMC");
    // quirks handled on purpose: decimal-comma coordinates, "NO", spaces in acronyms
    assertThat(
            sql.queryForObject(
                "select hq_longitude from mission where acronym = 'UNPSG'", BigDecimal.class))
        .isEqualByComparingTo("15.9833");
    assertThat(
            sql.queryForObject(
                "select status from mission where acronym = 'MINUSTAH'", String.class))
        .isEqualTo("closed");
    assertThat(count("select count(*) from mission where acronym = 'UNOSOM II'")).isEqualTo(1);
    assertThat(
            sql.queryForList(
                "select h.iso3 from mission_host h join mission m on m.id = h.mission_id"
                    + " where m.acronym = 'UNTSO' order by h.iso3",
                String.class))
        .containsExactly("EGY", "ISR", "JOR", "LBN", "SYR");
    assertThat(
            count(
                "select count(*) from mission_succession s join mission p on p.id = s.predecessor_id"
                    + " join mission n on n.id = s.successor_id where p.acronym = 'MONUC' and n.acronym = 'MONUSCO'"))
        .isEqualTo(1);
  }

  @Test
  void contributionsOf2010To2021ForEveryCountryWithTheirBasisAndSource() {
    // 6,215 rows of the file are not all zero; each gives a female, a male and a total figure
    assertThat(
            count(
                "select count(*) from personnel_figure f join source_document s on s.id = f.source_id"
                    + " where s.code = 'un-contributions-by-year' and f.basis = 'annual_average'"))
        .isEqualTo(6215 * 3);
    assertThat(
            count(
                "select count(distinct contributor_iso3) from personnel_figure where basis = 'annual_average'"))
        .isGreaterThan(100);
    assertThat(count("select min(year) from personnel_figure where basis = 'annual_average'"))
        .isEqualTo(2010);
    assertThat(count("select max(year) from personnel_figure where basis = 'annual_average'"))
        .isEqualTo(2021);
    // Norway, MINUSMA, 2014: 1 female + 16 male, the reported total 16 is kept
    assertThat(
            sql.queryForObject(
                "select count from personnel_figure f join mission m on m.id = f.mission_id"
                    + " where f.contributor_iso3 = 'NOR' and m.acronym = 'MINUSMA' and f.year = 2014"
                    + " and f.gender = 'total'",
                BigDecimal.class))
        .isEqualByComparingTo("16");
    // Côte d’Ivoire (U+2019 in the file) is mapped to its ISO code
    assertThat(count("select count(*) from personnel_figure where contributor_iso3 = 'CIV'"))
        .isPositive();
  }

  @Test
  void theFiveSourceDocumentsAndTheTwoDatasets() {
    assertThat(count("select count(*) from source_document where kind = 'web_page'")).isEqualTo(5);
    assertThat(count("select count(*) from source_document where kind = 'dataset'")).isEqualTo(2);
    assertThat(
            sql.queryForObject(
                "select date_note from source_document where file_name = '000_ee4182f30f825b54.txt'",
                String.class))
        .contains("MINUJUSTH");
  }

  @Test
  void loadingAgainLoadsNothingTwice() {
    int before = count("select count(*) from personnel_figure");
    int batches = count("select count(*) from import_batch");
    assertThat(loader.loadMissing()).isEmpty();
    assertThat(count("select count(*) from personnel_figure")).isEqualTo(before);
    assertThat(count("select count(*) from import_batch")).isEqualTo(batches);
  }

  private int count(String query) {
    return sql.queryForObject(query, Integer.class);
  }
}
