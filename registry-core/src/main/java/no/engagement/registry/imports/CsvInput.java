package no.engagement.registry.imports;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.ByteOrderMark;

/**
 * Turns the bytes of an uploaded CSV into records: detects the encoding (UTF-8 with or without BOM,
 * else Windows-1252; UTF-16 is refused), the delimiter ({@code ;} or {@code ,}) and parses with
 * OpenCSV's RFC 4180 parser, so backslashes are data and quotes are doubled.
 */
final class CsvInput {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The longest cell accepted (characters): a stated sentence is far shorter. */
  static final int MAX_FIELD = 10_000;

  /** The most data rows one file may have. */
  static final int MAX_ROWS = 2_000_000;

  private CsvInput() {}

  record Parsed(
      String encoding,
      char delimiter,
      List<String> header,
      List<CsvRecord> records,
      List<Problem> problems) {}

  static Parsed parse(byte[] bytes) {
    List<Problem> problems = new ArrayList<>();
    if (bytes.length == 0) {
      problems.add(Problem.file("file.empty"));
      return new Parsed("UTF-8", ',', List.of(), List.of(), problems);
    }
    if (startsWith(bytes, ByteOrderMark.UTF_16LE) || startsWith(bytes, ByteOrderMark.UTF_16BE)) {
      problems.add(Problem.file("file.utf16"));
      return new Parsed("UTF-16", ',', List.of(), List.of(), problems);
    }
    String encoding;
    String text;
    if (startsWith(bytes, ByteOrderMark.UTF_8)) {
      encoding = "UTF-8 (BOM)";
      text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    } else {
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        encoding = "UTF-8";
      } catch (CharacterCodingException e) {
        text = new String(bytes, WINDOWS_1252);
        encoding = "Windows-1252";
      }
    }
    if (text.indexOf('\0') >= 0) {
      problems.add(Problem.file("file.nul"));
      return new Parsed(encoding, ',', List.of(), List.of(), problems);
    }
    char delimiter = detectDelimiter(text);
    long open = unterminatedQuote(text, delimiter);
    if (open > 0) {
      problems.add(Problem.file("file.unterminated.quote", open));
      return new Parsed(encoding, delimiter, List.of(), List.of(), problems);
    }
    List<String> header = new ArrayList<>();
    List<CsvRecord> records = new ArrayList<>();
    var parser = new RFC4180ParserBuilder().withSeparator(delimiter).build();
    try (CSVReader reader =
        new CSVReaderBuilder(new StringReader(text))
            .withCSVParser(parser)
            .withKeepCarriageReturn(false)
            .build()) {
      long linesBefore = 0;
      int row = 0;
      String[] cells;
      boolean first = true;
      while ((cells = reader.readNext()) != null) {
        long linesAfter = reader.getLinesRead();
        long firstLine = linesBefore + 1;
        linesBefore = linesAfter;
        if (cells.length == 1 && cells[0].isEmpty()) {
          continue; // a blank line: ignored
        }
        if (first) {
          for (String h : cells) {
            header.add(h.strip());
          }
          first = false;
          continue;
        }
        row++;
        if (row > MAX_ROWS) {
          problems.add(Problem.file("file.too.many.rows", MAX_ROWS));
          break;
        }
        var record = new CsvRecord(row, firstLine, Math.max(firstLine, linesAfter), cells);
        for (int i = 0; i < cells.length; i++) {
          if (cells[i].length() > MAX_FIELD) {
            String column = i < header.size() ? header.get(i) : "#" + (i + 1);
            problems.add(
                Problem.cell(
                    record,
                    column,
                    cells[i].substring(0, 40) + "\u2026",
                    "field.too.long",
                    cells[i].length(),
                    MAX_FIELD));
            cells[i] = "";
          }
        }
        records.add(record);
      }
    } catch (CsvValidationException | IOException e) {
      problems.add(Problem.file("file.unparseable", e.getMessage()));
    }
    if (header.isEmpty()) {
      problems.add(Problem.file("file.empty"));
    } else if (records.isEmpty() && problems.isEmpty()) {
      problems.add(Problem.file("file.no.rows"));
    }
    return new Parsed(encoding, delimiter, header, records, problems);
  }

  /**
   * The line on which a record starts whose quoted field never closes, or 0. (A parser would read
   * such a field to the end of the file and report the last line; the user needs the first.)
   */
  static long unterminatedQuote(String text, char delimiter) {
    long line = 1;
    long recordStart = 1;
    boolean quoted = false;
    boolean fieldStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            i++; // a doubled quote is a quote inside the field
          } else {
            quoted = false;
          }
        } else if (c == '\n'
            || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
          line++;
        }
        continue;
      }
      if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c == delimiter) {
        fieldStart = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        recordStart = line;
        fieldStart = true;
      } else {
        fieldStart = false;
      }
    }
    return quoted ? recordStart : 0;
  }

  /**
   * The delimiter is whichever of ';' and ',' occurs more often outside quotes on the first line.
   */
  static char detectDelimiter(String text) {
    int semicolons = 0;
    int commas = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == ',') {
        commas++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }

  private static boolean startsWith(byte[] bytes, ByteOrderMark bom) {
    byte[] b = bom.getBytes();
    if (bytes.length < b.length) {
      return false;
    }
    for (int i = 0; i < b.length; i++) {
      if (bytes[i] != b[i]) {
        return false;
      }
    }
    return true;
  }
}
