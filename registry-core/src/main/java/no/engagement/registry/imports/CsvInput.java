package no.engagement.registry.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV as a stream, in two steps. {@link #scan} goes over the bytes once: SHA-256,
 * the encoding (UTF-8 with or without BOM, else Windows-1252; UTF-16 is refused), NUL bytes, the
 * delimiter ({@code ;} or {@code ,}, from the header line) and a quote that never closes (named by
 * the line its record starts on). {@link #read} then hands the records one by one to a handler,
 * parsed with Commons CSV's RFC 4180 format: backslashes are data, quotes are doubled, and a quoted
 * cell keeps its line breaks (CR, LF or CRLF) and spaces exactly as written. Neither holds the file
 * or its rows; {@link #parse} collects them for small files (templates).
 */
final class CsvInput {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The longest cell accepted (characters): a stated sentence is far shorter. */
  static final int MAX_FIELD = 10_000;

  /** The most data rows one file may have. */
  static final int MAX_ROWS = 2_000_000;

  /**
   * The most bytes one record may take (its fields, separators and line breaks): the first pass
   * over the bytes refuses a longer one, so the parser never holds a huge record in memory.
   */
  static final int MAX_RECORD_BYTES = 1 << 20;

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvInput() {}

  /**
   * What one pass over the bytes found.
   *
   * @param skip bytes before the text (a BOM)
   * @param problems problems of the file as a whole; when there are any, {@link #read} is not worth
   *     calling
   */
  record Scan(
      String encoding,
      Charset charset,
      int skip,
      char delimiter,
      String sha256,
      long bytes,
      List<Problem> problems) {}

  /** Receives the header, then each data record, in file order. */
  interface Handler {
    /**
     * @return whether to go on reading the records
     */
    boolean header(List<String> header);

    void record(CsvRecord record);
  }

  record Parsed(
      String encoding,
      char delimiter,
      List<String> header,
      List<CsvRecord> records,
      List<Problem> problems) {}

  /** The whole file in memory: for small files only (templates, tests). */
  static Parsed parse(byte[] bytes) {
    var content = ImportContent.of(bytes);
    Scan scan = scan(content);
    List<Problem> problems = new ArrayList<>(scan.problems());
    List<String> header = new ArrayList<>();
    List<CsvRecord> records = new ArrayList<>();
    if (problems.isEmpty()) {
      read(
          content,
          scan,
          new Handler() {
            @Override
            public boolean header(List<String> h) {
              header.addAll(h);
              return true;
            }

            @Override
            public void record(CsvRecord record) {
              records.add(record);
            }
          },
          problems);
    }
    return new Parsed(scan.encoding(), scan.delimiter(), header, records, problems);
  }

  static Scan scan(ImportContent content) {
    try (InputStream in = content.open()) {
      return new Scanner().scan(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Streams the records of a file {@link #scan} found nothing wrong with. Problems found on the way
   * (too many rows, a cell too long, bytes the encoding does not allow) are added to {@code
   * problems}; an empty file too (a header without rows is a valid file of no rows).
   *
   * @return the number of data records read
   */
  static int read(ImportContent content, Scan scan, Handler handler, List<Problem> problems) {
    CharsetDecoder decoder =
        scan.charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<String> header = new ArrayList<>();
    int row = 0;
    boolean tooMany = false;
    try (InputStream in = content.open()) {
      in.skipNBytes(scan.skip());
      var format =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(scan.delimiter())
              .setIgnoreEmptyLines(false)
              .setIgnoreSurroundingSpaces(false)
              .get();
      try (CSVParser parser =
          format.parse(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16))) {
        long linesBefore = 0;
        var records = parser.iterator();
        CSVRecord next;
        boolean first = true;
        while ((next = nextRecord(records)) != null) {
          long linesAfter = parser.getCurrentLineNumber();
          long firstLine = linesBefore + 1;
          linesBefore = linesAfter;
          String[] cells = next.values();
          if (cells.length == 1 && cells[0].isEmpty()) {
            continue; // a blank line: ignored
          }
          if (first) {
            for (String h : cells) {
              header.add(h.strip());
            }
            first = false;
            if (!handler.header(List.copyOf(header))) {
              return 0;
            }
            continue;
          }
          if (row == MAX_ROWS) {
            problems.add(Problem.file("file.too.many.rows", MAX_ROWS));
            tooMany = true;
            break;
          }
          row++;
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
          handler.record(record);
        }
      } catch (Unparseable e) {
        problems.add(Problem.file("file.unparseable", e.getMessage()));
      }
    } catch (CharacterCodingException e) {
      problems.add(Problem.file("file.invalid.encoding", scan.encoding()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (header.isEmpty()) {
      problems.add(Problem.file("file.empty"));
    }
    // a header without rows is valid and changes nothing: an empty dataset imports back
    return row;
  }

  /** A record that is not CSV (e.g. text after a closing quote), named by the parser. */
  private static final class Unparseable extends Exception {
    Unparseable(String message) {
      super(message);
    }
  }

  /**
   * The next record; what the parser cannot read is {@link Unparseable}, a byte the encoding does
   * not allow a {@link CharacterCodingException}.
   */
  private static CSVRecord nextRecord(java.util.Iterator<CSVRecord> records)
      throws CharacterCodingException, Unparseable {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException c) {
        throw c;
      }
      throw new Unparseable(e.getCause().getMessage());
    }
  }

  /**
   * One pass over the bytes. The quote, the delimiters and the line ends are single bytes in both
   * UTF-8 and Windows-1252 and never part of a UTF-8 multi-byte sequence, so the bytes are enough.
   */
  private static final class Scanner {
    private final MessageDigest digest = sha256();
    private final CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer sink = CharBuffer.allocate(1 << 16);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private boolean validUtf8 = true;
    private boolean nul;

    // the header line, for the delimiter
    private boolean inHeader = true;
    private boolean headerQuoted;
    private int semicolons;
    private int commas;

    // quotes, for a record whose quoted field never closes
    private long line = 1;
    private long recordStart = 1;
    private boolean quoted;
    private boolean quoteSeen; // inside a quoted field, a quote that may be the first of two
    private boolean fieldStart = true;
    private boolean afterCr;
    private long recordBytes;
    private long tooLongAt; // the line of the first record longer than MAX_RECORD_BYTES, or 0

    Scan scan(InputStream in) throws IOException {
      byte[] buffer = new byte[1 << 16];
      byte[] head = in.readNBytes(3);
      long total = head.length;
      digest.update(head);
      List<Problem> problems = new ArrayList<>();
      if (head.length == 0) {
        problems.add(Problem.file("file.empty"));
        return new Scan("UTF-8", StandardCharsets.UTF_8, 0, ',', hex(), 0, problems);
      }
      if (head.length >= 2
          && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
              || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
        total += in.transferTo(java.io.OutputStream.nullOutputStream());
        problems.add(Problem.file("file.utf16"));
        return new Scan("UTF-16", StandardCharsets.UTF_16, 0, ',', hex(), total, problems);
      }
      boolean bom =
          head.length == 3
              && head[0] == UTF8_BOM[0]
              && head[1] == UTF8_BOM[1]
              && head[2] == UTF8_BOM[2];
      if (!bom) {
        bytes(head, head.length);
      }
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        total += n;
        bytes(buffer, n);
      }
      if (validUtf8) {
        decode(new byte[0], 0, true);
      }
      String encoding;
      Charset charset;
      if (bom) {
        encoding = "UTF-8 (BOM)";
        charset = StandardCharsets.UTF_8;
        if (!validUtf8) {
          problems.add(Problem.file("file.invalid.encoding", encoding));
        }
      } else if (validUtf8) {
        encoding = "UTF-8";
        charset = StandardCharsets.UTF_8;
      } else {
        encoding = "Windows-1252";
        charset = WINDOWS_1252;
      }
      char delimiter = semicolons > commas ? ';' : ',';
      if (problems.isEmpty() && nul) {
        problems.add(Problem.file("file.nul"));
      }
      if (problems.isEmpty() && tooLongAt > 0) {
        problems.add(Problem.file("file.record.too.long", tooLongAt, MAX_RECORD_BYTES >> 20));
      }
      if (problems.isEmpty() && quoted && !quoteSeen) {
        problems.add(Problem.file("file.unterminated.quote", recordStart));
      }
      return new Scan(encoding, charset, bom ? 3 : 0, delimiter, hex(), total, problems);
    }

    private void bytes(byte[] b, int n) throws IOException {
      if (validUtf8) {
        decode(b, n, false);
      }
      for (int i = 0; i < n; i++) {
        byte c = b[i];
        if (c == 0) {
          nul = true;
        }
        if (inHeader) {
          header(c);
        }
        quotes(c);
        if (++recordBytes > MAX_RECORD_BYTES && tooLongAt == 0) {
          tooLongAt = recordStart;
        }
      }
    }

    private void header(byte c) {
      if (c == '"') {
        headerQuoted = !headerQuoted;
      } else if (!headerQuoted && (c == '\n' || c == '\r')) {
        inHeader = false;
      } else if (!headerQuoted && c == ';') {
        semicolons++;
      } else if (!headerQuoted && c == ',') {
        commas++;
      }
    }

    private void quotes(byte c) {
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c == '"') {
            return; // a doubled quote is a quote inside the field
          }
          quoted = false; // the field closed; c is outside it
        } else {
          if (c == '"') {
            quoteSeen = true;
          } else if (c == '\r') {
            line++;
          } else if (c == '\n' && !afterCr) {
            line++;
          }
          afterCr = c == '\r';
          return;
        }
      }
      if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c == delimiterGuess()) {
        fieldStart = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' || !afterCr) {
          line++;
        }
        recordStart = line;
        recordBytes = 0;
        fieldStart = true;
      } else {
        fieldStart = false;
      }
      afterCr = c == '\r';
    }

    /** The delimiter as far as the header shows it (the header line is read before any record). */
    private byte delimiterGuess() {
      return (byte) (semicolons > commas ? ';' : ',');
    }

    private void decode(byte[] b, int n, boolean end) throws IOException {
      ByteBuffer in;
      if (pending.hasRemaining()) {
        in = ByteBuffer.allocate(pending.remaining() + n);
        in.put(pending).put(b, 0, n).flip();
      } else {
        in = ByteBuffer.wrap(b, 0, n);
      }
      while (true) {
        sink.clear();
        var result = utf8.decode(in, sink, end);
        if (result.isError()) {
          validUtf8 = false;
          return;
        }
        if (result.isUnderflow()) {
          break;
        }
      }
      if (end) {
        sink.clear();
        if (utf8.flush(sink).isError()) {
          validUtf8 = false;
        }
      }
      pending = ByteBuffer.allocate(in.remaining()).put(in).flip();
    }

    private String hex() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
