package no.engagement.registry.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The new checksums RewordedMigrations moves to are those of the migrations as they are now,
 * computed here the way Flyway does (CRC32 over the lines, without line ends).
 */
class RewordedMigrationsTest {

  @Test
  void theNewChecksumsAreThoseOfTheMigrationsAsTheyAreNow() throws Exception {
    for (var r : RewordedMigrations.REWORDED) {
      String prefix = "db/migration/V" + r.version() + "__";
      String file =
          switch (r.version()) {
            case "1" -> prefix + "registry.sql";
            case "2" -> prefix + "deployment_series.sql";
            case "4" -> prefix + "accounts_and_audit.sql";
            default -> throw new AssertionError(r);
          };
      var crc = new CRC32();
      try (var in =
          new BufferedReader(
              new InputStreamReader(
                  getClass().getClassLoader().getResourceAsStream(file), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
      }
      assertThat((int) crc.getValue()).as(file).isEqualTo(r.after()).isNotEqualTo(r.before());
    }
  }
}
