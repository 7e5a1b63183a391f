package no.engagement.registry.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Turns the CSV that PostgreSQL's {@code COPY (query) TO STDOUT (FORMAT csv, HEADER)} sends into a
 * dialect of CsvDialect, byte by byte as it streams: the dialect's separator and line end (CRLF),
 * its decimal mark in number columns, a BOM for Excel, and, in a dialect that guards formulas, a
 * leading apostrophe on text cells that start with =, +, -, @, tab, CR, LF or an apostrophe.
 * Quotes, separators and line breaks are byte-sized in UTF-8 and never part of a multi-byte
 * character, so the bytes are enough.
 */
public final class CopyCsvTranscoder extends OutputStream {

  /** What a column holds, which decides what the dialect does to its cells. */
  public enum Kind {
    /** Free text: guarded against formula injection where the dialect does. */
    TEXT,
    /** A decimal number: written with the dialect's decimal mark. */
    NUMBER,
    /** Codes, integers, dates, booleans: written as they are. */
    PLAIN
  }

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 16]; // output, written to out when full
  private int position;
  private final CsvDialect dialect;
  private final Kind[] kinds;
  private final byte separator;
  private final byte decimal;

  private byte[] field = new byte[256];
  private int length;
  private int column;
  private boolean header = true;
  private boolean quoted; // inside a quoted field
  private boolean quoteSeen; // inside a quoted field, a quote that may be the first of two
  private long rows;

  public CopyCsvTranscoder(OutputStream out, CsvDialect dialect, List<Kind> kinds)
      throws IOException {
    this.out = out;
    this.dialect = dialect;
    this.kinds = kinds.toArray(Kind[]::new);
    this.separator = (byte) dialect.separator();
    this.decimal = (byte) dialect.decimalMark();
    if (dialect.bom()) {
      put((byte) 0xEF);
      put((byte) 0xBB);
      put((byte) 0xBF);
    }
  }

  /**
   * Runs {@code COPY (query) TO STDOUT (FORMAT csv, HEADER)} on {@code c} (inside the caller's
   * transaction) and streams it into {@code out} in {@code dialect}: the one place a download runs
   * COPY. Returns the data rows written.
   *
   * <p>When anything breaks midway (most often a client that went away), the connection is aborted:
   * a COPY left unfinished, or cancelled with a cancel request that may land on whatever the
   * connection runs next, must never go back to the pool. Its SQLState 08003 makes the pool discard
   * it.
   *
   * @throws UncheckedIOException when {@code out} breaks; the caller must abort the response
   */
  public static long copy(
      Connection c, String query, CsvDialect dialect, List<Kind> kinds, OutputStream out)
      throws SQLException {
    boolean done = false;
    try {
      var csv = new CopyCsvTranscoder(out, dialect, kinds);
      CopyOut copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyOut("copy (" + query + ") to stdout (format csv, header true)");
      for (byte[] chunk = copy.readFromCopy(); chunk != null; chunk = copy.readFromCopy()) {
        csv.write(chunk, 0, chunk.length);
      }
      csv.close();
      done = true;
      return csv.rows();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!done) {
        c.abort(Runnable::run);
      }
    }
  }

  /** Data rows written so far (the header not counted). */
  public long rows() {
    return rows;
  }

  @Override
  public void write(int b) throws IOException {
    accept((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      accept(b[i]);
    }
  }

  private void accept(byte c) throws IOException {
    if (quoted) {
      if (quoteSeen) {
        quoteSeen = false;
        if (c == '"') {
          append(c); // a doubled quote is a quote in the cell
          return;
        }
        quoted = false; // the field closed; c follows it
      } else {
        if (c == '"') {
          quoteSeen = true;
        } else {
          append(c);
        }
        return;
      }
    }
    if (c == '"' && length == 0) {
      quoted = true;
    } else if (c == ',') {
      endField();
    } else if (c == '\n') {
      endField();
      put((byte) '\r');
      put((byte) '\n');
      if (!header) {
        rows++;
      }
      header = false;
      column = 0;
    } else {
      append(c);
    }
  }

  private void append(byte c) {
    if (length == field.length) {
      field = java.util.Arrays.copyOf(field, length * 2);
    }
    field[length++] = c;
  }

  private void endField() throws IOException {
    if (column > 0) {
      put(separator);
    }
    Kind kind = header || column >= kinds.length ? Kind.PLAIN : kinds[column];
    boolean guard =
        kind == Kind.TEXT
            && length > 0
            && dialect.guardsFormulas()
            && CsvDialect.guarded((char) field[0]);
    if (kind == Kind.NUMBER && decimal != '.') {
      for (int i = 0; i < length; i++) {
        if (field[i] == '.') {
          field[i] = decimal;
        }
      }
    }
    boolean quote = false;
    boolean quotes = false; // a '"' in the cell, to be doubled
    for (int i = 0; i < length; i++) {
      byte c = field[i];
      if (c == '"') {
        quotes = true;
      }
      quote |= c == separator || c == '"' || c == '\n' || c == '\r';
    }
    if (quote) {
      put((byte) '"');
    }
    if (guard) {
      put((byte) '\'');
    }
    if (quotes) {
      for (int i = 0; i < length; i++) {
        if (field[i] == '"') {
          put((byte) '"');
        }
        put(field[i]);
      }
    } else {
      putAll(field, length);
    }
    if (quote) {
      put((byte) '"');
    }
    length = 0;
    column++;
  }

  /**
   * Ends the stream. A stream that stops inside a row (the query failed midway) is an error: the
   * caller must then abort the download, never end it as a well-formed shorter file.
   */
  @Override
  public void close() throws IOException {
    if (length > 0 || column > 0 || quoted) {
      throw new IOException("The CSV from PostgreSQL ended inside a row");
    }
    drain();
    out.flush();
  }

  private void put(byte b) throws IOException {
    if (position == buffer.length) {
      drain();
    }
    buffer[position++] = b;
  }

  private void putAll(byte[] bytes, int count) throws IOException {
    if (count > buffer.length - position) {
      drain();
      if (count > buffer.length) {
        out.write(bytes, 0, count);
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, position, count);
    position += count;
  }

  private void drain() throws IOException {
    if (position > 0) {
      out.write(buffer, 0, position);
      position = 0;
    }
  }

  CsvDialect dialect() {
    return dialect;
  }
}
