package no.engagement.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import of source documents is reverted like any other: the document it added is gone, the one
 * it changed is as it was (compared as whole rows with plain SQL).
 */
@RegistryTest
class SourcesRevertTest {

  @Autowired ImportService imports;
  @Autowired JdbcTemplate sql;

  private String sources() {
    return sql.queryForObject(
        "select count(*) || ':' || md5(string_agg((s.id, s.code, s.kind, s.title, s.publisher,"
            + " s.language, s.file_name, s.url, s.doc_date, s.date_precision, s.date_note,"
            + " s.licence, s.attribution)::text, ',' order by s.id)) from source_document s",
        String.class);
  }

  @Test
  void anImportOfSourcesIsRevertedLikeAnyOther() {
    String before = sources();
    String existing =
        sql.queryForObject("select code from source_document order by id limit 1", String.class);
    String csv =
        "code,kind,title,publisher,language,doc_date,date_precision,date_note\n"
            + "revert-test-source,web_page,A page to revert,Tester,en,2020-05-01,exact,\n"
            + existing
            + ",web_page,A new title,Norwegian Ministry of Foreign Affairs,en,2018-01-01,approximate,"
            + "About 2018\n";
    var report =
        imports.importFile(
            new ImportRequest(
                "sources",
                "sources-to-revert.csv",
                ImportContent.of(csv.getBytes(StandardCharsets.UTF_8)),
                "sources-test",
                null,
                false,
                null));
    assertThat(report.diff().added()).isEqualTo(1);
    assertThat(report.diff().changed()).isEqualTo(1);
    assertThat(sources()).isNotEqualTo(before);
    long batch =
        sql.queryForObject(
            "select max(id) from import_batch where file_name = 'sources-to-revert.csv'",
            Long.class);

    imports.revert(batch, "sources-test", null);

    assertThat(sources()).isEqualTo(before);
    assertThat(
            sql.queryForObject(
                "select count(*) from source_document where code = 'revert-test-source'",
                Integer.class))
        .isZero();
  }
}
