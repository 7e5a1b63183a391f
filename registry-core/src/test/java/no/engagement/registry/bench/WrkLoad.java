package no.engagement.registry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The screen scenario's clients: wrk (Debian package {@code wrk}) sending a mix of URLs from {@code
 * clients} connections for a number of seconds, every latency kept (docs/adr/0013). wrk is written
 * in C and costs about 0.1 ms of CPU per request; the JDK's HttpClient in the bench's JVM cost 0.73
 * ms (JIT included), on the same two cores as the registry and PostgreSQL, and that counted as the
 * registry's.
 */
final class WrkLoad {

  /**
   * Each wrk thread starts at its own place in the mix and sends it in turn; at the end, the status
   * errors, the socket errors and every latency (microseconds, with its count) go to a file.
   */
  private static final String SCRIPT =
      """
      local urls = {}
      for line in io.lines(os.getenv("WRK_MIX")) do urls[#urls + 1] = line end
      local started = 0
      function setup(thread)
        thread:set("first", started * 7)
        started = started + 1
      end
      local i = 0
      function init(args) i = first or 0 end
      function request()
        i = i + 1
        return wrk.format("GET", urls[(i % #urls) + 1])
      end
      function done(summary, latency, requests)
        local e = summary.errors
        local f = assert(io.open(os.getenv("WRK_OUT"), "w"))
        f:write(summary.requests, " ", e.status, " ", e.connect + e.read + e.write + e.timeout, "\\n")
        for k = 1, #latency do
          local value, count = latency(k)
          f:write(value, " ", count, "\\n")
        end
        f:close()
      end
      """;

  private WrkLoad() {}

  /** What one run of wrk saw. */
  record Run(long requests, double seconds, List<Long> latencies) {

    double requestsPerSecond() {
      return requests / seconds;
    }
  }

  /** {@code clients} connections send the mix to the registry for {@code seconds}. */
  static Run run(int port, List<String> mix, int clients, int seconds) throws Exception {
    Path dir = Files.createTempDirectory("wrk");
    try {
      Path script = Files.writeString(dir.resolve("mix.lua"), SCRIPT);
      Path urls = Files.write(dir.resolve("mix.txt"), mix);
      Path out = dir.resolve("out.txt");
      int threads = Math.min(clients, Runtime.getRuntime().availableProcessors());
      var pb =
          new ProcessBuilder(
                  "wrk",
                  "-t" + threads,
                  "-c" + clients,
                  "-d" + seconds + "s",
                  "--timeout",
                  "60s",
                  "-s",
                  script.toString(),
                  "http://127.0.0.1:" + port)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("wrk.log").toFile());
      pb.environment().put("WRK_MIX", urls.toString());
      pb.environment().put("WRK_OUT", out.toString());
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new IllegalStateException(
            "deployments_screen needs wrk as its clients: apt-get install wrk", e);
      }
      if (!p.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("wrk did not end after " + seconds + " s");
      }
      if (p.exitValue() != 0 || !Files.exists(out)) {
        throw new IllegalStateException("wrk failed: " + Files.readString(dir.resolve("wrk.log")));
      }
      List<String> lines = Files.readAllLines(out);
      String[] head = lines.get(0).split(" ");
      long requests = Long.parseLong(head[0]);
      if (Long.parseLong(head[1]) != 0 || Long.parseLong(head[2]) != 0) {
        throw new IllegalStateException(
            "wrk: "
                + head[1]
                + " answers other than 2xx/3xx and "
                + head[2]
                + " socket errors in "
                + requests
                + " requests");
      }
      List<Long> latencies = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] vc = line.split(" ");
        long nanos = (long) Double.parseDouble(vc[0]) * 1000;
        for (long k = (long) Double.parseDouble(vc[1]); k > 0; k--) {
          latencies.add(nanos);
        }
      }
      return new Run(requests, seconds, latencies);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }
}
