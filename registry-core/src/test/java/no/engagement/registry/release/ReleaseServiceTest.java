package no.engagement.registry.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import no.engagement.registry.RegistryTest;
import no.engagement.registry.db.PinnedSchema;
import no.engagement.registry.imports.ImportRequest;
import no.engagement.registry.imports.ImportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A release is fixed forever: its files keep their bytes (the SHA-256 it states) after later
 * imports, the database refuses any change to it, a pinned read sees its data and not today's, and
 * the diff between two releases names what a correction changed.
 */
@RegistryTest
class ReleaseServiceTest {

  private static final String FIGURE =
      "contributor,mission,year,period_start,period_end,personnel_type,gender,count,basis,source\n"
          + "NOR,UNMISS,2046,,,troops,total,%s,annual_average,\n";

  @Autowired ReleaseService releases;
  @Autowired ImportService imports;
  @Autowired JdbcTemplate sql;

  @AfterEach
  void revertFigures() {
    for (int i = 0; i < 5; i++) {
      Long batch =
          sql.queryForObject(
              "select max(batch_id) from personnel_figure where year = 2046", Long.class);
      if (batch == null) {
        return;
      }
      imports.revert(batch, "release-test", null);
    }
  }

  private void importFigure(String count) {
    var report =
        imports.importFile(
            new ImportRequest(
                "personnel",
                "figure-2046.csv",
                FIGURE.formatted(count).getBytes(StandardCharsets.UTF_8),
                "release-test",
                "un-contributions-by-year",
                false));
    assertThat(report.errors()).isEmpty();
  }

  private byte[] bytes(Release r, ReleaseFile f) {
    var out = new ByteArrayOutputStream();
    releases.write(r, f, out);
    return out.toByteArray();
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static String version() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String pinnedCount(Release r) {
    try (var pin = PinnedSchema.pin(r.schemaName())) {
      return sql.queryForObject(
          "select coalesce(string_agg(trim_scale(count)::text, ','), 'none') from"
              + " personnel_figure where year = 2046",
          String.class);
    }
  }

  @Test
  void aReleaseKeepsItsBytesAndItsDataAfterACorrection() throws Exception {
    importFigure("11");
    var first = releases.publish(version(), "first", "release-test", null, null);
    var files = releases.files(first);
    // twenty-six datasets: one per import kind but the UN formats, and provenance (README, "Whole
    // datasets"),
    // in two dialects, and the zip
    assertThat(files).hasSize(53);
    var personnel =
        files.stream().filter(f -> f.name().equals("personnel.csv")).findFirst().orElseThrow();
    byte[] before = bytes(first, personnel);
    assertThat(sha256(before)).isEqualTo(personnel.sha256());
    assertThat((long) before.length).isEqualTo(personnel.bytes());
    assertThat(personnel.rows())
        .isEqualTo(
            sql.queryForObject(
                "select count(*) from personnel_figure where mission_id is not null", Long.class));
    assertThat(new String(before, StandardCharsets.UTF_8))
        .contains("NOR,UNMISS,2046,,,troops,total,11,");

    importFigure("12");
    var second = releases.publish(version(), "", "release-test", null, null);

    byte[] after =
        bytes(
            first,
            releases.files(first).stream()
                .filter(f -> f.name().equals("personnel.csv"))
                .findFirst()
                .orElseThrow());
    assertThat(after).isEqualTo(before);
    assertThat(pinnedCount(first)).isEqualTo("11");
    assertThat(pinnedCount(second)).isEqualTo("12");
    assertThat(
            sql.queryForObject(
                "select string_agg(trim_scale(count)::text, ',') from personnel_figure where year = 2046",
                String.class))
        .isEqualTo("12");

    var diff = releases.diff(first, second);
    var personnelDiff =
        diff.datasets().stream()
            .filter(d -> d.name().equals("personnel"))
            .findFirst()
            .orElseThrow();
    assertThat(personnelDiff.changed()).isEqualTo(1);
    assertThat(personnelDiff.added()).isZero();
    assertThat(personnelDiff.removed()).isZero();
    assertThat(personnelDiff.changedExamples().getFirst())
        .contains("2046")
        .contains("11")
        .contains("12");
    // the provenance gained the second import batch; nothing else changed
    assertThat(
            diff.datasets().stream()
                .filter(d -> d.name().equals("provenance"))
                .findFirst()
                .orElseThrow()
                .added())
        .isEqualTo(1);
    assertThat(
            diff.datasets().stream()
                .filter(d -> !d.name().equals("personnel") && !d.name().equals("provenance")))
        .allMatch(ReleaseDiff.DatasetChanges::same);
  }

  @Test
  void theDatabaseRefusesToChangeAPublishedRelease() {
    var r = releases.publish(version(), "", "release-test", null, null);
    // the application's role has no right to change them; their owner meets the trigger
    assertThatThrownBy(() -> sql.update("update release set notes = 'x' where id = ?", r.id()))
        .rootCause()
        .hasMessageMatching(
            ".*(a published release is fixed|permission denied for table release).*");
    assertThatThrownBy(
            () -> sql.update("delete from release_file_chunk where release_id = ?", r.id()))
        .rootCause()
        .hasMessageMatching(
            ".*(a published release is fixed|permission denied for table release_file_chunk).*");
    assertThatThrownBy(() -> sql.update("delete from " + r.schemaName() + ".personnel_figure"))
        .rootCause()
        .hasMessageContaining("a published release is fixed");
    assertThatThrownBy(
            () ->
                sql.update(
                    "insert into "
                        + r.schemaName()
                        + ".gender select * from "
                        + r.schemaName()
                        + ".gender limit 0"))
        .rootCause()
        .hasMessageContaining("a published release is fixed");
  }

  @Test
  void aVersionIsWellFormedAndUnique() {
    var v = version();
    releases.publish(v, "", "release-test", null, null);
    assertThatThrownBy(() -> releases.publish(v, "", "release-test", null, null))
        .isInstanceOfSatisfying(
            ReleaseRefusedException.class,
            e -> assertThat(e.messageKey()).isEqualTo("release.version.taken"));
    assertThatThrownBy(() -> releases.publish("2026 1", "", "release-test", null, null))
        .isInstanceOfSatisfying(
            ReleaseRefusedException.class,
            e -> assertThat(e.messageKey()).isEqualTo("release.version.invalid"));
    assertThat(releases.find(v)).isPresent();
    assertThat(releases.find("no-such-version")).isEmpty();
  }
}
