package no.engagement.registry.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium from Debian's packages (chromium, chromium-driver), driven by Selenium.
 * In CI (CI=true) a missing browser is an error; on a developer's machine the browser tests are
 * skipped with a message saying what to install.
 */
final class Browser {

  private static final String CHROMIUM = env("REGISTRY_CHROMIUM", "/usr/bin/chromium");
  private static final String DRIVER = env("REGISTRY_CHROMEDRIVER", "/usr/bin/chromedriver");

  private Browser() {}

  static ChromeDriver start() throws Exception {
    boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "Browser tests need "
              + CHROMIUM
              + " and "
              + DRIVER
              + " (apt-get install chromium chromium-driver)");
    }
    assumeTrue(
        present,
        "No Chromium here: apt-get install chromium chromium-driver to run the browser tests");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1024",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    return new ChromeDriver(service, options);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
