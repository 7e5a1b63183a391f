package no.engagement.registry.bench;

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
import java.util.concurrent.TimeUnit;

/** The packaged registry, started on the benchmark's database with a 128 MB heap. */
final class RegistryUnderTest {

  final int port;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Process process;

  private RegistryUnderTest(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  static RegistryUnderTest start(Path jar, String dbUrl, String dbPassword, Path log)
      throws Exception {
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    var command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:+ExitOnOutOfMemoryError"));
    // the options scripts/run starts the registry with (scripts/java-env), then the bench's own
    for (String env : List.of("REGISTRY_JAVA_OPTS", "BENCH_REGISTRY_OPTS")) {
      String extra = System.getenv(env); // e.g. a flight recording
      if (extra != null && !extra.isBlank()) {
        command.addAll(List.of(extra.trim().split("\\s+")));
      }
    }
    command.addAll(List.of("-jar", jar.toString()));
    var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("REGISTRY_DB_URL", dbUrl);
    pb.environment().put("REGISTRY_DB_USER", "postgres");
    pb.environment().put("REGISTRY_DB_PASSWORD", dbPassword);
    pb.environment().put("SERVER_PORT", Integer.toString(port));
    pb.environment().put("REGISTRY_ADMIN_PASSWORD", ImportBench.PASSWORD);
    pb.environment().put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "20");
    // the import scenario posts the whole generated file: 69 MB at 1M figures, 696 MB at 10M,
    // past the registry's default upload limit of 100 MB
    pb.environment().put("SPRING_SERVLET_MULTIPART_MAX_REQUEST_SIZE", "2GB");
    pb.environment().put("SPRING_SERVLET_MULTIPART_MAX_FILE_SIZE", "2GB");
    Process p = pb.start();
    var app = new RegistryUnderTest(port, p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("The registry exited:\n" + Files.readString(log));
      }
      try {
        if (app.http
                .send(app.request("/actuator/health"), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return app;
        }
      } catch (java.io.IOException e) {
        // not up yet
      }
      Thread.sleep(250);
    }
    p.destroyForcibly();
    throw new IllegalStateException("The registry did not start:\n" + Files.readString(log));
  }

  HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofMinutes(10))
        .build();
  }

  boolean alive() {
    return process.isAlive();
  }

  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
