package no.engagement.registry.imports;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One thing wrong (or worth a warning) in an import file, named by row, physical lines and column.
 *
 * @param row data row number, 1 = the first row after the header; 0 for the file as a whole
 * @param firstLine first physical line of the record (a quoted field can span several lines)
 * @param lastLine last physical line of the record
 * @param column the column's header as written in the file, or null
 * @param value the offending cell, or null
 * @param key message key in imports/messages*.properties
 * @param args message arguments
 */
public record Problem(
    int row,
    long firstLine,
    long lastLine,
    String column,
    String value,
    String key,
    List<Object> args) {

  static Problem file(String key, Object... args) {
    return new Problem(0, 0, 0, null, null, key, List.of(args));
  }

  static Problem cell(CsvRecord record, String column, String value, String key, Object... args) {
    return new Problem(
        record.row(), record.firstLine(), record.lastLine(), column, value, key, List.of(args));
  }

  /** The message alone, in the reader's language. */
  public String reason(Locale locale) {
    var bundle = ResourceBundle.getBundle("no.engagement.registry.imports.messages", locale);
    return new MessageFormat(bundle.getString(key), locale).format(args.toArray());
  }

  /** «Rad 17 (linje 18–19), kolonne «male»: «12,5» er ikke et heltall» */
  public String message(Locale locale) {
    var bundle = ResourceBundle.getBundle("no.engagement.registry.imports.messages", locale);
    StringBuilder s = new StringBuilder();
    if (row > 0) {
      String lines =
          firstLine == lastLine ? Long.toString(firstLine) : firstLine + "\u2013" + lastLine;
      s.append(
          new MessageFormat(
                  bundle.getString(firstLine == lastLine ? "at.row.line" : "at.row.lines"), locale)
              .format(new Object[] {row, lines}));
      if (column != null) {
        s.append(", ")
            .append(
                new MessageFormat(bundle.getString("at.column"), locale)
                    .format(new Object[] {column}));
      }
      s.append(": ");
    }
    if (value != null) {
      s.append(
              new MessageFormat(bundle.getString("quoted.value"), locale)
                  .format(new Object[] {value}))
          .append(' ');
    }
    return s.append(reason(locale)).toString();
  }
}
