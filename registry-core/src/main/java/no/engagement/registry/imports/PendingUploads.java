package no.engagement.registry.imports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import no.engagement.registry.db.TemporaryFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Uploaded files between preview and commit, kept in the database every instance of the registry
 * shares, so that a file previewed on one can be committed or cancelled on another. Each belongs to
 * the session (Spring Session's table) that uploaded it and is deleted with it: on commit, cancel,
 * logout, or when the session expires. Together they may hold at most {@code
 * registry.temporary-files.max-total} (default 2 GB); an upload past that is refused and not kept.
 */
@Service
public class PendingUploads {

  /**
   * An uploaded file waiting for commit or cancel.
   *
   * @param complete whether the file was declared the complete year of its source
   */
  public record Pending(
      String token, String kind, String fileName, String source, boolean complete, long bytes) {}

  /** The refusal of an upload: the session is gone, or there is no room for it. */
  public static final class NotKeptException extends RuntimeException {
    private final boolean noRoom;

    NotKeptException(boolean noRoom) {
      super(noRoom ? "no room for the upload" : "no such session");
      this.noRoom = noRoom;
    }

    /** True when the uploads waiting hold as much as they may; false when the session is gone. */
    public boolean noRoom() {
      return noRoom;
    }
  }

  /**
   * A pending upload's bytes in a temporary file of this instance, for the few passes an import
   * makes over them; closing removes the file.
   */
  public record Local(Pending pending, Path file) implements AutoCloseable {
    public ImportContent content() {
      return ImportContent.of(file);
    }

    @Override
    public void close() {
      TemporaryFiles.delete(file);
    }
  }

  private static final int CHUNK = 1 << 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PendingUploadQueries queries;
  private final TemporaryFiles temporaryFiles;
  private final long maxTotal;

  PendingUploads(
      PendingUploadQueries queries,
      TemporaryFiles temporaryFiles,
      @Value("${registry.temporary-files.max-total:2GB}") DataSize maxTotal) {
    this.queries = queries;
    this.temporaryFiles = temporaryFiles;
    this.maxTotal = maxTotal.toBytes();
  }

  /**
   * Keeps an uploaded file for the session {@code sessionId}.
   *
   * @throws NotKeptException when the session is not (or no longer) stored, or there is no room
   */
  @Transactional
  public Pending add(
      String sessionId,
      String kind,
      String fileName,
      String source,
      boolean complete,
      InputStream content) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    var p = new Pending(HexFormat.of().formatHex(random), kind, fileName, source, complete, 0);
    if (!queries.insert(sessionId, p)) {
      throw new NotKeptException(false);
    }
    long bytes = 0;
    try {
      int seq = 0;
      for (byte[] chunk = content.readNBytes(CHUNK);
          chunk.length > 0;
          chunk = content.readNBytes(CHUNK)) {
        queries.insertChunk(p.token(), seq++, chunk);
        bytes += chunk.length;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    queries.setSize(p.token(), bytes);
    if (queries.total() > maxTotal) {
      throw new NotKeptException(true);
    }
    return new Pending(p.token(), kind, fileName, source, complete, bytes);
  }

  @Transactional // on the primary: it must see what was just written (ReadReplica)
  public Optional<Pending> find(String sessionId, String token) {
    return token == null ? Optional.empty() : queries.find(sessionId, token);
  }

  /** The upload's bytes in a local temporary file (close it when done). */
  @Transactional // on the primary: it must see what was just written (ReadReplica)
  public Local open(Pending p) {
    Path file = temporaryFiles.create("upload-", ".csv");
    try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      int chunks = queries.chunks(p.token());
      for (int seq = 0; seq < chunks; seq++) {
        out.write(queries.chunk(p.token(), seq));
      }
    } catch (IOException | RuntimeException e) {
      TemporaryFiles.delete(file);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    return new Local(p, file);
  }

  @Transactional
  public void remove(String sessionId, String token) {
    if (token != null) {
      queries.delete(sessionId, token);
    }
  }
}
