package no.engagement.registry.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import no.engagement.registry.db.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.util.FileSystemUtils;

/**
 * The benchmark harness (scripts/bench): a fresh embedded PostgreSQL, the schema, a generated data
 * set of at least 1,000,000 personnel figures (contributors × missions × months × personnel types ×
 * gender, fixed random seed), and PostgreSQL's own limits on this machine: COPY FROM STDIN and COPY
 * (query) TO STDOUT of the same rows. Each scenario prints one RESULT line. Later scenarios
 * (import, export, screens) are measured against these baselines in the same run.
 */
public final class Bench {

  /**
   * The source document the imported figures cite (every personnel figure cites one): a source the
   * registry seeds.
   */
  static final String SOURCE = "un-contributions-by-year";

  static final String[] TYPES = {
    "troops",
    "staff_officers",
    "experts_on_mission",
    "individual_police",
    "formed_police_units",
    "civilians"
  };
  static final String[] GENDERS = {"female", "male"};

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 54340;
    int years = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path jar = args.length > 3 ? Path.of(args[3]) : null;
    // the scenarios to run after the data set and the COPY baselines; none named: every one
    Set<String> only =
        Set.copyOf(Arrays.asList(args).subList(Math.min(4, args.length), args.length));
    Predicate<String> wanted = s -> only.isEmpty() || only.contains(s);
    FileSystemUtils.deleteRecursively(dir.resolve("pg"));
    Files.createDirectories(dir);
    try (var pg = EmbeddedPostgres.start(dir.resolve("pg"), port)) {
      pg.createDatabaseIfMissing("bench");
      String url = pg.jdbcUrl("bench");
      RegistryUnderTest app = null;
      if (jar != null) {
        // the registry itself migrates and seeds the bench database; its heap is capped at 128 MB
        app = RegistryUnderTest.start(jar, url, pg.password(), dir.resolve("registry.log"));
      } else {
        Flyway.configure()
            .dataSource(url, EmbeddedPostgres.SUPERUSER, pg.password())
            .load()
            .migrate();
      }
      try (Connection c =
          DriverManager.getConnection(url, EmbeddedPostgres.SUPERUSER, pg.password())) {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long batch = app != null ? benchBatch(c) : referenceData(c, copy);
        // the baseline COPY writes the same rows as the import: with the source they cite
        String source =
            app == null
                ? ""
                : column(c, "select id from source_document where code = '" + SOURCE + "'")
                    .getFirst();
        List<String> contributors = column(c, "select iso3 from country order by iso3 limit 60");
        List<String[]> missions = missions(c);
        Path byId = dir.resolve("personnel-bench-ids.csv");
        Path template = dir.resolve("personnel-bench.csv");
        long rows = generate(contributors, missions, years, batch, source, byId, template);
        System.out.printf(
            Locale.ROOT,
            "data set: %d figures = %d contributors x %d missions x %d months x %d types x %d genders;"
                + " files %s (%d MB), %s%n",
            rows,
            contributors.size(),
            missions.size(),
            years * 12,
            TYPES.length,
            GENDERS.length,
            template,
            Files.size(template) >> 20,
            byId);

        String columns =
            "contributor_iso3, mission_id, year, period_start, period_end, personnel_type, gender,"
                + " count, basis, batch_id, source_id";
        double best = Double.MAX_VALUE;
        for (int run = 1; run <= 2; run++) {
          c.createStatement().execute("truncate personnel_figure cascade");
          c.createStatement().execute("checkpoint");
          long t0 = System.nanoTime();
          long copied;
          try (Reader in = Files.newBufferedReader(byId, StandardCharsets.UTF_8)) {
            copied =
                copy.copyIn(
                    "copy personnel_figure (" + columns + ") from stdin (format csv, header true)",
                    in);
          }
          double s = (System.nanoTime() - t0) / 1e9;
          check(copied == rows, "COPY loaded " + copied + " rows, expected " + rows);
          best = Math.min(best, s);
        }
        result("copy_from_stdin", rows, best);
        if (app != null && wanted.test("import")) {
          try {
            ImportBench.run(app, c, template, rows, rows / best);
          } catch (Exception | OutOfMemoryError e) {
            // say so, and go on with the other scenarios on the data set COPY loads again
            System.out.printf(
                Locale.ROOT, "RESULT scenario=import rows=%d failed=%s%n", rows, e.toString());
            if (!app.alive()) {
              throw e;
            }
            c.createStatement().execute("truncate personnel_figure cascade");
            try (Reader in = Files.newBufferedReader(byId, StandardCharsets.UTF_8)) {
              copy.copyIn(
                  "copy personnel_figure (" + columns + ") from stdin (format csv, header true)",
                  in);
            }
          }
        }
        long r0 = System.nanoTime();
        var refreshed = new StringBuilder();
        // as an import refreshes them (ImportQueries.forBulkWork and afterWrite)
        c.setAutoCommit(false);
        c.createStatement().execute("set local work_mem = '128MB'");
        c.createStatement().execute("set local enable_mergejoin = off");
        c.createStatement().execute("analyze personnel_figure");
        for (String view :
            List.of(
                "deployment_source_series",
                "deployment_series",
                "deployment_rollup",
                "mission_set_label",
                "source_fact_count")) {
          long v0 = System.nanoTime();
          c.createStatement()
              .execute(
                  "set local enable_sort = "
                      + (view.equals("deployment_source_series") ? "off" : "on"));
          c.createStatement().execute("refresh materialized view " + view);
          refreshed.append(
              String.format(Locale.ROOT, " %s %.3f s;", view, (System.nanoTime() - v0) / 1e9));
        }
        c.commit();
        c.setAutoCommit(true);
        System.out.printf(
            Locale.ROOT,
            "the deployment views refreshed in %.3f s (what each personnel import adds):%s%n",
            (System.nanoTime() - r0) / 1e9,
            refreshed);
        c.createStatement().execute("vacuum analyze deployment_source_series");
        c.createStatement().execute("vacuum analyze personnel_figure");
        c.createStatement().execute("vacuum analyze deployment_series");
        c.createStatement().execute("vacuum analyze deployment_rollup");
        c.createStatement().execute("vacuum analyze mission_set_label");
        c.createStatement().execute("vacuum analyze source_fact_count");

        // the same rows and about the same columns as the figures export of /deployments.csv
        String query =
            "select f.id, f.contributor_iso3, c.name_nb, m.acronym, f.year, f.period_start, f.period_end,"
                + " f.personnel_type, f.gender, f.count, f.basis, f.approximate, f.stated_text, f.source_id,"
                + " f.batch_id from personnel_figure f join mission m on m.id = f.mission_id"
                + " join country c on c.iso3 = f.contributor_iso3 order by f.id";
        best = Double.MAX_VALUE;
        for (int run = 1; run <= 3; run++) {
          var counter = new CountingStream();
          long t0 = System.nanoTime();
          long out =
              copy.copyOut("copy (" + query + ") to stdout (format csv, header true)", counter);
          double s = (System.nanoTime() - t0) / 1e9;
          check(out == rows, "COPY TO exported " + out + " rows, expected " + rows);
          best = Math.min(best, s);
        }
        double copyOutRate = rows / best;
        result("copy_to_stdout", rows, best);
        // the rows and columns of the personnel download, as PostgreSQL itself writes them
        String personnel =
            no.engagement.registry.downloads.Dataset.named("personnel").orElseThrow().sql();
        best = Double.MAX_VALUE;
        for (int run = 1; run <= 3; run++) {
          var counter = new CountingStream();
          long t0 = System.nanoTime();
          long out =
              copy.copyOut("copy (" + personnel + ") to stdout (format csv, header true)", counter);
          best = Math.min(best, (System.nanoTime() - t0) / 1e9);
          check(out == rows, "COPY TO exported " + out + " rows, expected " + rows);
        }
        double copyPersonnelRate = rows / best;
        result("copy_to_stdout_personnel", rows, best);

        if (app != null) {
          try {
            if (wanted.test("export")) {
              ScreenBench.export(
                  app, "export", "/downloads/personnel.csv", rows, copyPersonnelRate);
            }
            if (wanted.test("export_package")) {
              ScreenBench.dataPackage(app, rows, copyPersonnelRate);
            }
            if (wanted.test("publish")) { // and release_download
              ReleaseBench.run(app, rows, copyPersonnelRate);
            }
            if (wanted.test("deployments_csv")) {
              ScreenBench.export(
                  app,
                  "deployments_csv",
                  "/deployments.csv?basis=snapshot&gender=all&group=none",
                  rows,
                  copyOutRate);
            }
            if (only.contains("serve")) { // the registry on the data set, to try by hand
              System.out.printf(
                  "serving: http://127.0.0.1:%d (registry), PostgreSQL on port %d; stop with"
                      + " Ctrl-C%n",
                  app.port, port);
              Thread.sleep(Long.MAX_VALUE);
            }
            // every screen, or those named (say "screens" for all of them)
            var screens = ScreenBench.screens(c, contributors, missions);
            screens.keySet().removeIf(s -> !(wanted.test(s) || only.contains("screens")));
            if (!screens.isEmpty()) {
              ScreenBench.warmUp(app, screens);
              for (var s : screens.entrySet()) {
                ScreenBench.screen(
                    app, c, dir.resolve("pg/postgresql.log"), s.getKey(), s.getValue());
              }
            }
          } finally {
            app.stop();
          }
        }
      }
    }
  }

  private static long benchBatch(Connection c) throws Exception {
    var st = c.createStatement();
    st.execute(
        "insert into import_batch (kind, file_name, sha256, encoding, delimiter, decimal_mark,"
            + " imported_by, status, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_deleted)"
            + " values ('personnel', 'personnel-bench.csv', repeat('0', 64), 'UTF-8', ',', '.', 'bench',"
            + " 'committed', 0, 0, 0, 0, 0)");
    var rs = st.executeQuery("select max(id) from import_batch");
    rs.next();
    return rs.getLong(1);
  }

  /** Countries and missions from the seed files (the same codes real data uses); one batch. */
  private static long referenceData(Connection c, CopyManager copy) throws Exception {
    try (Reader in = seed("countries.csv")) {
      copy.copyIn(
          "copy country (iso2, iso3, numeric_code, name_en, name_nb) from stdin (format csv, header true)",
          in);
    }
    var st = c.createStatement();
    st.execute(
        "insert into import_batch (kind, file_name, sha256, encoding, delimiter, decimal_mark,"
            + " imported_by, status, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_deleted)"
            + " values ('personnel', 'personnel-bench.csv', repeat('0', 64), 'UTF-8', ',', '.', 'bench',"
            + " 'committed', 0, 0, 0, 0, 0)");
    var rs = st.executeQuery("select max(id) from import_batch");
    rs.next();
    long batch = rs.getLong(1);
    try (Reader in = seed("un-peacekeeping-missions.csv")) {
      // the UN list as published; only acronym and name are needed here
      st.execute(
          "create temp table un_pko (id text, mission_acronym text, mission_name text, lead_department text,"
              + " mission_isactive text, start_date text, end_date text, mission_location text,"
              + " mission_longitude text, mission_latitude text, last_update text)");
      copy.copyIn("copy un_pko from stdin (format csv, header true)", in);
    }
    st.execute(
        "insert into mission (acronym, name_en, kind, status, batch_id) select"
            + " regexp_replace(trim(mission_acronym), '\\s+', ' ', 'g'), mission_name, 'peacekeeping',"
            + " 'closed', "
            + batch
            + " from un_pko");
    return batch;
  }

  private static Reader seed(String file) {
    var in = Bench.class.getClassLoader().getResourceAsStream("seed-data/" + file);
    check(in != null, "seed-data/" + file + " is not on the classpath");
    return new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static List<String[]> missions(Connection c) throws Exception {
    List<String[]> out = new ArrayList<>();
    var rs =
        c.createStatement().executeQuery("select id, acronym from mission order by id limit 40");
    while (rs.next()) {
      out.add(new String[] {rs.getString(1), rs.getString(2)});
    }
    return out;
  }

  private static List<String> column(Connection c, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    var rs = c.createStatement().executeQuery(sql);
    while (rs.next()) {
      out.add(rs.getString(1));
    }
    return out;
  }

  /**
   * Writes the same rows twice: with mission ids (for COPY into the table) and as the personnel
   * import template with mission acronyms (for the import scenario).
   */
  private static long generate(
      List<String> contributors,
      List<String[]> missions,
      int years,
      long batch,
      String source,
      Path byId,
      Path template)
      throws IOException {
    var random = new Random(20261123L);
    long rows = 0;
    try (BufferedWriter ids = Files.newBufferedWriter(byId, StandardCharsets.UTF_8);
        BufferedWriter tpl = Files.newBufferedWriter(template, StandardCharsets.UTF_8)) {
      ids.write(
          "contributor_iso3,mission_id,year,period_start,period_end,personnel_type,gender,count,basis,batch_id,source_id\n");
      tpl.write(
          "contributor,mission,year,period_start,period_end,personnel_type,gender,count,basis\n");
      for (String contributor : contributors) {
        for (String[] mission : missions) {
          for (int y = 0; y < years; y++) {
            for (int m = 1; m <= 12; m++) {
              YearMonth ym = YearMonth.of(2019 + y, m);
              LocalDate start = ym.atDay(1);
              LocalDate end = ym.atEndOfMonth();
              for (String type : TYPES) {
                for (String gender : GENDERS) {
                  int count = random.nextInt(10) < 6 ? 0 : random.nextInt(250);
                  String common =
                      ym.getYear()
                          + ","
                          + start
                          + ","
                          + end
                          + ","
                          + type
                          + ","
                          + gender
                          + ","
                          + count
                          + ",snapshot";
                  ids.write(
                      contributor
                          + ","
                          + mission[0]
                          + ","
                          + common
                          + ","
                          + batch
                          + ","
                          + source
                          + "\n");
                  tpl.write(contributor + "," + mission[1] + "," + common + "\n");
                  rows++;
                }
              }
            }
          }
        }
      }
    }
    return rows;
  }

  static void result(String scenario, long rows, double seconds) {
    System.out.printf(
        Locale.ROOT,
        "RESULT scenario=%s rows=%d seconds=%.3f rows_per_s=%.0f%n",
        scenario,
        rows,
        seconds,
        rows / seconds);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  /** Counts the bytes COPY sends, as a client that reads the whole stream would. */
  static final class CountingStream extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
