package no.engagement.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two imports of overlapping figures at once run one after the other: the second waits for the
 * first, compares its file with what the first wrote, and records exactly what it changed, so that
 * reverting it gives back the first one's figures. Checked with plain SQL beside the service.
 */
@RegistryTest
class ConcurrentImportsTest {

  private static final String HEADER =
      "contributor,mission,year,personnel_type,gender,count,basis\n";

  @Autowired ImportService imports;
  @Autowired JdbcTemplate sql;
  @Autowired DataSource dataSource;

  /** Waits until an import's session waits for the lock on the figures. */
  private void waitUntilWaitingForALock(String which) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      Integer waiting =
          sql.queryForObject(
              "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                  + " and datname = current_database()",
              Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the " + which + " import never came to write");
  }

  @BeforeEach
  @AfterEach
  void revertStrays() {
    for (Long batch :
        sql.queryForList(
            "select distinct batch_id from personnel_figure where year = 2061 and batch_id is not"
                + " null order by batch_id desc",
            Long.class)) {
      imports.revert(batch, "concurrency-test", null);
    }
  }

  private ImportReport importFile(String name, String csv) {
    String source =
        sql.queryForObject("select code from source_document order by id limit 1", String.class);
    return imports.importFile(
        new ImportRequest(
            "personnel",
            name,
            ImportContent.of(csv.getBytes(StandardCharsets.UTF_8)),
            "concurrency-test",
            source,
            false,
            null));
  }

  private Map<String, Integer> figures2061() {
    var out = new java.util.TreeMap<String, Integer>();
    sql.query(
        "select contributor_iso3, count from personnel_figure where year = 2061",
        rs -> {
          out.put(rs.getString(1), rs.getInt(2));
        });
    return out;
  }

  @Test
  void theSecondImportWaitsForTheFirstAndComparesWithWhatItWrote() throws Exception {
    CompletableFuture<ImportReport> first;
    CompletableFuture<ImportReport> second;
    var threads = java.util.concurrent.Executors.newFixedThreadPool(2); // one each
    // A third session holds the figures so that no import can write them yet: the first import
    // reads its file and compares it with the table, then waits to write. That is when the second
    // one starts.
    try (Connection blocker = dataSource.getConnection()) {
      blocker.setAutoCommit(false);
      blocker.createStatement().execute("lock table personnel_figure in share mode");
      first =
          CompletableFuture.supplyAsync(
              () ->
                  importFile(
                      "first.csv",
                      HEADER
                          + "NOR,UNMISS,2061,troops,total,5,annual_average\n"
                          + "SWE,UNMISS,2061,troops,total,3,annual_average\n"),
              threads);
      waitUntilWaitingForALock("first");
      second =
          CompletableFuture.supplyAsync(
              () ->
                  importFile(
                      "second.csv",
                      HEADER
                          + "NOR,UNMISS,2061,troops,total,7,annual_average\n"
                          + "DNK,UNMISS,2061,troops,total,2,annual_average\n"),
              threads);
      Thread.sleep(1500);
      assertThat(first).isNotDone();
      assertThat(second).isNotDone();
      blocker.commit();
    }
    var firstReport = first.get(60, TimeUnit.SECONDS);
    var secondReport = second.get(60, TimeUnit.SECONDS);
    threads.shutdown();

    assertThat(firstReport.diff().added()).isEqualTo(2);
    // compared with the first's result: NOR 5 → 7 is a change, DNK is new, SWE is not named
    assertThat(
            List.of(
                secondReport.diff().added(),
                secondReport.diff().changed(),
                secondReport.diff().removed()))
        .isEqualTo(List.of(1L, 1L, 0L));
    assertThat(figures2061()).isEqualTo(Map.of("DNK", 2, "NOR", 7, "SWE", 3));

    // the batch's counts are what it recorded, row by row
    long secondBatch =
        sql.queryForObject(
            "select max(id) from import_batch where file_name = 'second.csv'", Long.class);
    assertThat(
            sql.queryForList(
                "select (b.rows_inserted + b.rows_updated) || '=' || (select count(*) from"
                    + " personnel_figure f where f.batch_id = b.id) || ' ' || b.rows_updated || '='"
                    + " || (select count(*) from import_change c where c.batch_id = b.id and c.op ="
                    + " 'changed') || ' ' || b.rows_deleted || '=' || (select count(*) from"
                    + " import_change c where c.batch_id = b.id and c.op = 'removed')"
                    + " from import_batch b where b.id = ?",
                String.class,
                secondBatch))
        .containsExactly("2=2 1=1 0=0");

    // reverting the later import gives back exactly the earlier one's figures
    imports.revert(secondBatch, "concurrency-test", null);
    assertThat(figures2061()).isEqualTo(Map.of("NOR", 5, "SWE", 3));
  }
}
