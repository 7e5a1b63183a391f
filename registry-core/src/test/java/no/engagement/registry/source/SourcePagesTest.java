package no.engagement.registry.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A source's facts in keyset pages, against counts taken straight from the tables. */
@RegistryTest
class SourcePagesTest {

  @Autowired SourceQueries queries;
  @Autowired JdbcTemplate sql;

  /** The rows citing the source in each table that cites one, counted by SQL of the test's own. */
  private long cited(long source, String kind) {
    String table = kind.equals("milestone") ? "peace_process_milestone" : kind;
    return sql.queryForObject(
        "select count(*) from " + table + " where source_id = ?", Long.class, source);
  }

  @Test
  void pagesOfSevenHoldEveryFactOnceInKindOrderAndTheCountsAreTheTables() {
    long source =
        sql.queryForObject(
            "select id from source_document where code = 'mfa-peace-security-2018-en'", Long.class);
    long all = 0;
    for (String kind : SourceQueries.KINDS) {
      all += cited(source, kind);
    }
    // the kept counts are the tables' own
    for (var k : queries.counts(source)) {
      assertThat(k.facts()).as(k.kind()).isEqualTo(cited(source, k.kind()));
    }
    assertThat(queries.source(source).orElseThrow().facts()).isEqualTo(all);
    // every page after the last fact of the one before: each fact once, kinds in order
    List<SourceFact> read = new ArrayList<>();
    String kind = null;
    String key = null;
    int pages = 0;
    while (true) {
      var page = queries.facts(source, false, kind, key, 7);
      pages++;
      read.addAll(page);
      if (page.size() < 7) {
        break;
      }
      kind = page.getLast().kind();
      key = page.getLast().key();
    }
    assertThat(all).isGreaterThan(7);
    assertThat(read).hasSize((int) all);
    assertThat(pages).isEqualTo((int) (all / 7 + 1));
    var seen = new HashSet<String>();
    read.forEach(f -> assertThat(seen.add(f.kind() + ":" + f.key())).isTrue());
    assertThat(read.stream().map(SourceFact::kind).toList()).isSorted();
  }
}
