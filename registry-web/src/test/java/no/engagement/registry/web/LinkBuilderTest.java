package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every link of a page goes through Thymeleaf's link builder ({@code th:href="@{...}"}), which is
 * where a pinned release is added to it (ReleasePinFilter): no template writes a path by hand, and
 * none hands a URL from the model to {@code th:href} without {@code @{...}}. ReleasesTest checks
 * the links of every screen pinned.
 */
class LinkBuilderTest {

  private static final Pattern HAND_WRITTEN = Pattern.compile("(?<![:\\w])href=\"/");
  private static final Pattern UNBUILT = Pattern.compile("th:href=\"(?!@\\{)[^\"]*\"");

  @Test
  void noTemplateWritesALinkByHand() throws Exception {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          var unbuilt = UNBUILT.matcher(line);
          while (unbuilt.find()) {
            // the language links keep the page and only switch lang (and the pin, by hand);
            // the pinned banner's link to today's data drops the pin on purpose
            if (!unbuilt.group().contains("?lang=") && !unbuilt.group().contains("liveUrl")) {
              found.add(file.getFileName() + ":" + (i + 1) + " " + unbuilt.group());
            }
          }
          if (HAND_WRITTEN.matcher(line).find()) {
            found.add(file.getFileName() + ":" + (i + 1) + " href=\"/…\"");
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
