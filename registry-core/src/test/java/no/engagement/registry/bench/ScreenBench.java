package no.engagement.registry.bench;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The scenarios measured through the running registry over HTTP. */
final class ScreenBench {

  private static final Pattern DURATION = Pattern.compile("duration: ([0-9.]+) ms");
  private static final java.time.Duration WARM_UP = java.time.Duration.ofSeconds(180);
  private static final java.time.Duration WARM_UP_MAX = java.time.Duration.ofMinutes(6);
  private static final int WARM_UP_ROUND_SECONDS = 8;

  /** About as many requests as 16 clients sending the mix's 40 URLs six times each. */
  private static final int REQUESTS_PER_ROUND = 3840;

  /** Turns of the registry and of the replay of its SQL in the screen scenario. */
  private static final int ROUNDS = 3;

  private ScreenBench() {}

  /** The mean of latencies in nanoseconds, in milliseconds. */
  private static double mean(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
  }

  /**
   * A CSV of every figure over HTTP ({@code path}), streamed, against COPY (query) TO STDOUT of the
   * same rows.
   */
  static void export(
      RegistryUnderTest app, String scenario, String path, long rows, double copyOutRate)
      throws Exception {
    double s = Double.MAX_VALUE;
    for (int run = 1; run <= 3; run++) { // best of 3, as the COPY baselines
      s = Math.min(s, exportOnce(app, scenario, path, rows));
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT scenario=%s rows=%d seconds=%.3f rows_per_s=%.0f baseline_rows_per_s=%.0f ratio=%.2f heap_limit_mb=128%n",
        scenario,
        rows,
        s,
        rows / s,
        copyOutRate,
        rows / s / copyOutRate);
  }

  private static double exportOnce(RegistryUnderTest app, String scenario, String path, long rows)
      throws Exception {
    long t0 = System.nanoTime();
    var response = app.http.send(app.request(path), HttpResponse.BodyHandlers.ofInputStream());
    long lines = 0;
    try (InputStream in = response.body()) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (response.statusCode() != 200 || lines != rows + 1 || !app.alive()) {
      throw new IllegalStateException(
          scenario
              + ": status "
              + response.statusCode()
              + ", "
              + lines
              + " lines for "
              + rows
              + " rows, registry alive: "
              + app.alive());
    }
    return s;
  }

  /**
   * The whole registry as one data package zip over HTTP, read as a client unzips it; the personnel
   * file inside must hold every row. The baseline is COPY TO STDOUT of the personnel rows (the zip
   * also compresses, and holds the other datasets).
   */
  static void dataPackage(RegistryUnderTest app, long rows, double copyOutRate) throws Exception {
    double s = Double.MAX_VALUE;
    for (int run = 1; run <= 3; run++) { // best of 3, as the COPY baselines
      s = Math.min(s, dataPackageOnce(app, rows));
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT scenario=export_package rows=%d seconds=%.3f rows_per_s=%.0f baseline_rows_per_s=%.0f ratio=%.2f heap_limit_mb=128%n",
        rows,
        s,
        rows / s,
        copyOutRate,
        rows / s / copyOutRate);
  }

  private static double dataPackageOnce(RegistryUnderTest app, long rows) throws Exception {
    long t0 = System.nanoTime();
    var response =
        app.http.send(
            app.request("/downloads/engagement-registry.zip"),
            HttpResponse.BodyHandlers.ofInputStream());
    long lines = -1;
    try (var zip = new java.util.zip.ZipInputStream(response.body())) {
      byte[] buffer = new byte[1 << 16];
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        long n = 0;
        for (int r = zip.read(buffer); r > 0; r = zip.read(buffer)) {
          for (int i = 0; i < r; i++) {
            if (buffer[i] == '\n') {
              n++;
            }
          }
        }
        if (e.getName().endsWith("/data/personnel.csv")) {
          lines = n;
        }
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (response.statusCode() != 200 || lines != rows + 1 || !app.alive()) {
      throw new IllegalStateException(
          "export_package: status "
              + response.statusCode()
              + ", "
              + lines
              + " personnel lines"
              + " for "
              + rows
              + " rows, registry alive: "
              + app.alive());
    }
    return s;
  }

  /** The screens measured, each with its mix of real URLs (both languages). */
  static java.util.Map<String, List<String>> screens(
      Connection c, List<String> contributors, List<String[]> missions) throws Exception {
    var screens = new java.util.LinkedHashMap<String, List<String>>();
    List<String> deployments = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String contributor = contributors.get(i * 7 % contributors.size());
      String mission = missions.get(i * 5 % missions.size())[1].replace(" ", "%20");
      String g = i % 2 == 0 ? "female" : "male";
      deployments.add("/deployments?basis=snapshot&gender=" + g);
      deployments.add(
          "/deployments?basis=snapshot&gender="
              + g
              + "&contributor="
              + contributor
              + "&group=mission");
      deployments.add(
          "/deployments?basis=snapshot&gender=" + g + "&mission=" + mission + "&group=contributor");
      deployments.add(
          "/deployments?basis=snapshot&gender=" + g + "&from=2020&to=2020&group=type&sort=-total");
      deployments.add(
          "/deployments?basis=snapshot&gender="
              + g
              + "&contributor="
              + contributor
              + "&mission="
              + mission
              + "&group=none");
    }
    screens.put("deployments_screen", deployments);
    screens.put("home_screen", bothLanguages(List.of("/")));
    List<String> mission = new ArrayList<>(List.of("/missions"));
    for (int i = 0; i < 8; i++) {
      mission.add("/missions/" + missions.get(i * 5 % missions.size())[1].replace(" ", "%20"));
    }
    mission.add("/missions/MINUSMA");
    mission.add("/missions/UNIFIL");
    screens.put("mission_screen", bothLanguages(mission));
    List<String> country = new ArrayList<>(List.of("/countries", "/countries/NOR"));
    for (int i = 0; i < 8; i++) {
      country.add("/countries/" + contributors.get(i * 7 % contributors.size()));
    }
    screens.put("country_screen", bothLanguages(country));
    List<String> source = new ArrayList<>(List.of("/sources"));
    try (var rs =
        c.createStatement()
            .executeQuery(
                "select id from source_document order by code = '"
                    + Bench.SOURCE
                    + "' desc, id limit 6")) {
      while (rs.next()) {
        source.add("/sources/" + rs.getLong(1));
      }
    }
    source.add(source.get(1)); // the source of every figure, twice as often as the others
    screens.put("source_screen", bothLanguages(source));
    screens.put(
        "search_screen",
        bothLanguages(
            List.of(
                "/search?q=Norway",
                "/search?q=MINUSMA",
                "/search?q=mali",
                "/search?q=Libanon",
                "/search?q=sudan",
                "/search?q=UN",
                "/search?q=colombia",
                "/search?q=fred")));
    List<String> processes = new ArrayList<>(List.of("/peace-processes"));
    try (var rs =
        c.createStatement().executeQuery("select code from peace_process order by code limit 8")) {
      while (rs.next()) {
        processes.add("/peace-processes/" + rs.getString(1));
      }
    }
    screens.put("processes_screen", bothLanguages(processes));
    screens.put("funding_screen", bothLanguages(List.of("/funding")));
    screens.put(
        "discrepancies_screen",
        bothLanguages(List.of("/discrepancies", "/discrepancies?threshold=5")));
    screens.put("downloads_screen", bothLanguages(List.of("/downloads")));
    List<String> releases = new ArrayList<>(List.of("/releases"));
    try (var rs =
        c.createStatement()
            .executeQuery("select version from release order by published_at desc limit 2")) {
      while (rs.next()) {
        releases.add("/releases/" + rs.getString(1));
      }
    }
    screens.put("releases_screen", bothLanguages(releases));
    return screens;
  }

  private static List<String> bothLanguages(List<String> paths) {
    List<String> mix = new ArrayList<>();
    for (String p : paths) {
      mix.add(p);
      mix.add(p + (p.contains("?") ? "&" : "?") + "lang=en");
    }
    return mix;
  }

  /**
   * Warms the registry under 16 clients over every screen's mix until the throughput settles: the
   * JIT compiles the registry's hot paths only after tens of thousands of requests (on 2 cores the
   * throughput grew from ~150 to ~450 requests/s over the first three to four minutes of load), and
   * a registry in use runs warm. At least WARM_UP, then rounds until three in a row were no more
   * than 3 % above the best round before them, at most WARM_UP_MAX.
   */
  static void warmUp(RegistryUnderTest app, java.util.Map<String, List<String>> screens)
      throws Exception {
    List<String> mix = new ArrayList<>();
    for (var e : screens.entrySet()) {
      for (String path : e.getValue()) { // every URL must answer 200
        var r = app.http.send(app.request(path), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
          throw new IllegalStateException(e.getKey() + ": " + path + " answered " + r.statusCode());
        }
      }
      mix.addAll(e.getValue());
    }
    Collections.shuffle(mix, new java.util.Random(1));
    long start = System.nanoTime();
    long warmRequests = 0;
    double best = 0;
    double last = 0;
    int flat = 0;
    while (true) {
      var run = WrkLoad.run(app.port, mix, 16, WARM_UP_ROUND_SECONDS);
      last = run.requestsPerSecond();
      warmRequests += run.requests();
      flat = last > best * 1.03 ? 0 : flat + 1;
      best = Math.max(best, last);
      long elapsed = System.nanoTime() - start;
      if ((elapsed >= WARM_UP.toNanos() && flat >= 3) || elapsed >= WARM_UP_MAX.toNanos()) {
        break;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "screens: warmed up with %d requests over %d URLs in %.0f s, last round %.0f requests/s%n",
        warmRequests,
        mix.size(),
        (System.nanoTime() - start) / 1e9,
        last);
  }

  /**
   * One screen under 16 concurrent clients over its mix of URLs: a short warm-up on the mix, the
   * mix once with every statement logged, the SQL to replay; then three rounds of the mix with
   * PostgreSQL's statement log off, each followed by that SQL replayed straight to PostgreSQL by as
   * many clients (the baseline: SqlReplay, docs/adr/0013). Latency p50/p95 and both means over all
   * rounds.
   */
  static void screen(
      RegistryUnderTest app, Connection c, Path pgLog, String scenario, List<String> mix)
      throws Exception {
    int clients = 16;
    double best = WrkLoad.run(app.port, mix, clients, WARM_UP_ROUND_SECONDS).requestsPerSecond();
    // each round of the screen lasts as long as about REQUESTS_PER_ROUND take at the warm rate, at
    // least 10 s (shorter rounds on a fast hour, 5 s at 1,100 requests/s, gave ratios 1.70 to
    // 2.14), at most 20 s
    int seconds = (int) Math.min(20, Math.max(10, Math.round(REQUESTS_PER_ROUND / best)));
    // the SQL to replay: the same load once with every statement logged, which also gives
    // PostgreSQL's own time per request (writing the log costs PostgreSQL time, so this run is not
    // measured)
    c.createStatement().execute("alter system set log_min_duration_statement = 0");
    c.createStatement().execute("select pg_reload_conf()");
    Thread.sleep(500);
    long logStart = Files.size(pgLog);
    long logged = WrkLoad.run(app.port, mix, clients, seconds).requests();
    c.createStatement().execute("alter system reset log_min_duration_statement");
    c.createStatement().execute("select pg_reload_conf()");
    Thread.sleep(500);
    double pgMs = 0;
    String text;
    try (var in = Files.newInputStream(pgLog)) {
      in.skipNBytes(logStart);
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var m = DURATION.matcher(text);
    while (m.find()) {
      pgMs += Double.parseDouble(m.group(1));
    }
    List<SqlReplay.Transaction> transactions = SqlReplay.parse(text);
    // measured with PostgreSQL's statement log off, as the replay runs: the registry and the replay
    // take turns, ROUNDS times, so that a machine whose speed drifts over minutes (shared hosts
    // do) slows both alike; the latencies of all rounds are pooled
    List<Long> latencies = new ArrayList<>();
    List<Long> replayed = new ArrayList<>();
    double measured = 0;
    List<String> rounds = new ArrayList<>();
    var cpu =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long replayCpu = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      var run = WrkLoad.run(app.port, mix, clients, seconds);
      measured += run.seconds();
      long cpu0 = cpu.getProcessCpuTime();
      List<Long> sql =
          SqlReplay.run(
              c.getMetaData().getURL(),
              no.engagement.registry.db.EmbeddedPostgres.password(pgLog.getParent()),
              transactions,
              clients);
      replayCpu += cpu.getProcessCpuTime() - cpu0;
      latencies.addAll(run.latencies());
      replayed.addAll(sql);
      rounds.add(
          String.format(
              Locale.ROOT,
              "%.2f (%.1f / %.1f ms)",
              mean(run.latencies()) / mean(sql),
              mean(run.latencies()),
              mean(sql)));
    }
    System.out.println(
        scenario + ": each round's ratio (screen / replay mean) " + String.join(", ", rounds));
    // the replay's clients run in this JVM: their CPU is part of the baseline, as wrk's is part
    // of the screen's side (about 0.1 ms per request)
    System.out.printf(
        Locale.ROOT,
        "%s: %d s rounds; the replay's JDBC clients used %.2f ms of CPU per transaction%n",
        scenario,
        seconds,
        replayCpu / 1e6 / replayed.size());
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    int n = sorted.size();
    double p50 = sorted.get(n / 2) / 1e6;
    double p95 = sorted.get((int) Math.ceil(n * 0.95) - 1) / 1e6;
    double mean = mean(sorted);
    double pgPerRequest = pgMs / logged;
    Collections.sort(replayed);
    double sqlMean = mean(replayed);
    double sqlP95 = replayed.get((int) Math.ceil(replayed.size() * 0.95) - 1) / 1e6;
    // ratio: the registry's mean latency against the same SQL, statement for statement, sent by
    // the same number of clients straight to PostgreSQL (what the registry adds on top of its SQL
    // on this machine); ratio_serial: against PostgreSQL's own time for those statements as logged
    System.out.printf(
        Locale.ROOT,
        "RESULT scenario=%s rows=%d seconds=%.3f rows_per_s=%.1f clients=%d p50_ms=%.1f p95_ms=%.1f"
            + " mean_ms=%.1f baseline_sql_transactions=%d baseline_sql_mean_ms=%.1f baseline_sql_p95_ms=%.1f"
            + " ratio=%.2f pg_ms_per_request=%.1f ratio_serial=%.2f%n",
        scenario,
        n,
        measured,
        n / measured,
        clients,
        p50,
        p95,
        mean,
        replayed.size(),
        sqlMean,
        sqlP95,
        mean / sqlMean,
        pgPerRequest,
        mean / pgPerRequest);
  }
}
