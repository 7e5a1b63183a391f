package no.engagement.registry.lifecycle;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The registry started as its own JVM, configured only through the documented environment
 * variables, so a test can stop it, kill it with SIGKILL and start it again.
 */
final class RegistryProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final int port;
  final Process process;
  final Duration startTime;
  final Path log;

  private RegistryProcess(int port, Process process, Duration startTime, Path log) {
    this.port = port;
    this.process = process;
    this.startTime = startTime;
    this.log = log;
  }

  static RegistryProcess start(Map<String, String> env, Path log) throws Exception {
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("no.engagement.registry.RegistryApplication");
    var pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("REGISTRY_") || k.equals("SERVER_PORT"));
    pb.environment().putAll(env);
    pb.environment().put("SERVER_PORT", Integer.toString(port));
    long t0 = System.nanoTime();
    Process p = pb.start();
    var rp = new RegistryProcess(port, p, null, log);
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "The registry exited on start (exit " + p.exitValue() + "):\n" + Files.readString(log));
      }
      if (rp.status("/actuator/health") == 200) {
        return new RegistryProcess(port, p, Duration.ofNanos(System.nanoTime() - t0), log);
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new IllegalStateException(
        "The registry did not start in time:\n" + Files.readString(log));
  }

  int status(String path) {
    try {
      return get(path).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The command line's import route, with HTTP Basic credentials. */
  HttpResponse<String> postImport(
      String kind, String file, byte[] body, String user, String password)
      throws IOException, InterruptedException {
    String auth =
        java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + "/api/imports/"
                        + kind
                        + "?file="
                        + file
                        // the rows cite a seeded source (personnel figures need one)
                        + "&source=un-contributions-by-year"))
            .header("Authorization", "Basic " + auth)
            .header("Content-Type", "text/csv")
            .timeout(Duration.ofSeconds(300))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** As a browser asks: for HTML. */
  HttpResponse<String> getHtml(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html")
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** SIGTERM, as Ctrl+C or a service manager would stop it; waits for it to end. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("The registry did not stop within 60 s of SIGTERM");
    }
  }

  /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
