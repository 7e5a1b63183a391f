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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringBootVersion;
import org.springframework.util.FileSystemUtils;

/**
 * The warm start (scripts/bench start): how long from launching the registry with {@code
 * scripts/run} (its data folder made and seeded by a first start, not counted) until its first page
 * answers 200, against a bare Spring Boot web application (one controller, the same Spring Boot,
 * built here in the same run) started with {@code java -jar} until its page answers 200. Also the
 * registry started without the AOT cache (REGISTRY_AOT=off), to show what the cache buys. Medians
 * of five starts each; prints RESULT lines and the ratio.
 */
public final class StartBench {

  private static final int STARTS = 5;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private StartBench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath();
    Path dir = Path.of(args[1]).toAbsolutePath();
    FileSystemUtils.deleteRecursively(dir);
    Files.createDirectories(dir);
    Path bare = buildBare(root, dir.resolve("bare"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Path data = Files.createDirectories(dir.resolve("registry"));
    var run = List.of(root.resolve("scripts/run").toString());
    int dbPort = 54342;
    Map<String, String> env =
        Map.of(
            "REGISTRY_DB_PORT",
            Integer.toString(dbPort),
            "REGISTRY_ADMIN_PASSWORD",
            "start-bench-password");
    System.out.println("first start (builds if needed, AOT training, a new seeded database)...");
    double first = start(run, env, data, "/");
    System.out.printf(Locale.ROOT, "first start: %.1f s (not counted)%n", first);

    double bareMs = median(List.of(java, "-jar", bare.toString()), Map.of(), dir, "/");
    double registryMs = median(run, env, data, "/");
    var off = new java.util.HashMap<>(env);
    off.put("REGISTRY_AOT", "off");
    double plainMs = median(run, off, data, "/");
    System.out.printf(
        Locale.ROOT,
        "RESULT scenario=start_bare seconds=%.3f (java -jar, Spring Boot %s, one controller)%n",
        bareMs,
        SpringBootVersion.getVersion());
    System.out.printf(
        Locale.ROOT,
        "RESULT scenario=start_registry_no_aot seconds=%.3f baseline_bare=%.3f ratio=%.2f%n",
        plainMs,
        bareMs,
        plainMs / bareMs);
    System.out.printf(
        Locale.ROOT,
        "RESULT scenario=start_registry seconds=%.3f baseline_bare=%.3f ratio=%.2f target<=1.5%n",
        registryMs,
        bareMs,
        registryMs / bareMs);
  }

  /** Writes and packages the bare application with the registry's Maven; returns its jar. */
  private static Path buildBare(Path root, Path project) throws Exception {
    Path src = Files.createDirectories(project.resolve("src/main/java/bare"));
    Files.writeString(
        project.resolve("pom.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>%s</version>
            <relativePath/>
          </parent>
          <groupId>bench</groupId>
          <artifactId>bare</artifactId>
          <version>1</version>
          <properties><java.version>21</java.version></properties>
          <dependencies>
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-webmvc</artifactId>
            </dependency>
          </dependencies>
          <build>
            <finalName>bare</finalName>
            <plugins>
              <plugin>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-maven-plugin</artifactId>
              </plugin>
            </plugins>
          </build>
        </project>
        """
            .formatted(SpringBootVersion.getVersion()));
    Files.writeString(
        src.resolve("BareApplication.java"),
        """
        package bare;

        import org.springframework.boot.SpringApplication;
        import org.springframework.boot.autoconfigure.SpringBootApplication;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @SpringBootApplication
        @RestController
        public class BareApplication {
          @GetMapping("/")
          String hello() {
            return "hello";
          }

          public static void main(String[] args) {
            SpringApplication.run(BareApplication.class, args);
          }
        }
        """);
    var build =
        new ProcessBuilder(
                root.resolve("mvnw").toString(),
                "-B",
                "-q",
                "-f",
                project.resolve("pom.xml").toString(),
                "package",
                "-DskipTests")
            .directory(root.toFile())
            .inheritIO()
            .start();
    if (build.waitFor() != 0) {
      throw new IllegalStateException("the bare application did not build");
    }
    return project.resolve("target/bare.jar");
  }

  private static double median(List<String> command, Map<String, String> env, Path dir, String path)
      throws Exception {
    var times = new ArrayList<Double>();
    for (int i = 0; i < STARTS; i++) {
      times.add(start(command, env, dir, path));
    }
    times.sort(Double::compare);
    System.out.printf(Locale.ROOT, "%s: %s s%n", String.join(" ", command), times);
    return times.get(STARTS / 2);
  }

  /** Seconds from launching {@code command} until {@code path} answers 200; then stops it. */
  private static double start(List<String> command, Map<String, String> env, Path dir, String path)
      throws Exception {
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("start.log").toFile());
    pb.environment().putAll(env);
    pb.environment().put("SERVER_PORT", Integer.toString(port));
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new IllegalStateException("exited: " + Files.readString(dir.resolve("start.log")));
        }
        try {
          if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - t0) / 1e9;
          }
        } catch (java.io.IOException e) {
          // not listening yet
        }
        Thread.sleep(10);
      }
      throw new IllegalStateException("no answer within 10 minutes");
    } finally {
      p.toHandle().descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      Thread.sleep(1000); // the embedded PostgreSQL's port free again
    }
  }
}
