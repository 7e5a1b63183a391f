package no.engagement.registry.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * The files a killed registry left in its temporary folder are gone at the next start; a running
 * registry's stay; the limit on their total size is kept.
 */
class TemporaryFilesTest {

  private static final Path DATA = Path.of("target/temporary-files-test");

  @Test
  void aKilledRunsFilesAreRemovedAtStartAndTheLimitIsKept() throws Exception {
    FileSystemUtils.deleteRecursively(DATA);
    // pid 2^22 + 1 is above Linux's pid_max: no process has it
    Path dead = Files.createDirectories(DATA.resolve("tmp/4194305"));
    Files.writeString(dead.resolve("upload-1.csv"), "left by a killed run");
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    Path alive = Files.createDirectories(DATA.resolve("tmp/" + parent));
    Files.writeString(alive.resolve("upload-2.csv"), "a running registry's");

    var files =
        new TemporaryFiles(
            new RegistryProperties(
                DATA,
                new RegistryProperties.Db(
                    null, null, null, null, null, null, null, null, 54329, "x")),
            DataSize.ofBytes(10));

    assertThat(dead).doesNotExist();
    assertThat(alive.resolve("upload-2.csv")).exists();
    assertThat(files.folder())
        .isEqualTo(DATA.toAbsolutePath().resolve("tmp/" + ProcessHandle.current().pid()));
    Path f = files.create("upload-", ".csv");
    Files.writeString(f, "0123456789");
    assertThat(files.withinLimit()).isTrue();
    Files.writeString(files.create("upload-", ".csv"), "1");
    assertThat(files.withinLimit()).as("11 bytes of 10").isFalse();
    TemporaryFiles.delete(f);
    assertThat(f).doesNotExist();
  }
}
