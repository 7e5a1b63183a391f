package no.engagement.registry.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;

/**
 * Writes CSV in a dialect, one row at a time, straight to the response stream. In a dialect that
 * guards formulas, text cells that a spreadsheet would read as a formula get a leading apostrophe
 * (CsvDialect#guardsFormulas); numbers and dates are written as values, never guarded.
 */
public final class CsvWriter implements AutoCloseable {

  private final Writer out;
  private final CsvDialect dialect;
  private long rows;

  public CsvWriter(OutputStream stream, CsvDialect dialect) {
    this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    this.dialect = dialect;
    if (dialect.bom()) {
      write("\uFEFF");
    }
  }

  public void row(Object... cells) {
    StringBuilder line = new StringBuilder(64);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(dialect.separator());
      }
      line.append(cell(cells[i]));
    }
    line.append("\r\n");
    write(line.toString());
    rows++;
  }

  /** Data rows written so far, the header included. */
  public long rows() {
    return rows;
  }

  String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString().replace('.', dialect.decimalMark());
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor) {
      return value.toString();
    }
    String text = value.toString();
    if (dialect.guardsFormulas() && !text.isEmpty() && CsvDialect.guarded(text.charAt(0))) {
      text = "'" + text; // formula injection guard
    }
    if (text.indexOf(dialect.separator()) >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
