package no.engagement.registry.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes on while counting them and taking their SHA-256; closing it flushes but leaves the
 * stream below open (a zip entry, a response).
 */
public final class MeasuredOutputStream extends FilterOutputStream {

  private final MessageDigest sha256;
  private long bytes;

  public MeasuredOutputStream(OutputStream out) {
    super(out);
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    sha256.update((byte) b);
    bytes++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    sha256.update(b, off, len);
    bytes += len;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }

  public long bytes() {
    return bytes;
  }

  /** The SHA-256 of everything written, in lower-case hex; call once, at the end. */
  public String sha256() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
