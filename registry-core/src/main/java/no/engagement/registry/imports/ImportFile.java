package no.engagement.registry.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import no.engagement.registry.export.CsvDialect;

/**
 * One import file read against its template, in streaming passes over {@link CsvInput}: the header
 * (matched to the template's columns in any order and case) and the decimal mark, then each
 * record's cells, checked and typed, handed on as valid rows; every problem is named by row, lines
 * and column.
 */
final class ImportFile {

  private static final Pattern COMMA_DECIMAL =
      Pattern.compile("^[-\u2212]?[0-9 \u00a0\u202f]*[0-9],[0-9]+$");
  private static final Pattern POINT_DECIMAL =
      Pattern.compile("^[-\u2212]?[0-9 \u00a0\u202f]*[0-9]\\.[0-9]+$");

  private ImportFile() {}

  /** What the first passes learn about a file. */
  static final class Facts {
    final String encoding;
    final char delimiter;
    char decimalMark;
    int rows;
    int headerSize;
    Map<ImportSpec.Column, Integer> index;

    Facts(String encoding, char delimiter) {
      this.encoding = encoding;
      this.delimiter = delimiter;
      this.decimalMark = delimiter == ';' ? ',' : '.';
    }
  }

  /**
   * The header (matched to the template) and the decimal mark: a comma when the file's decimal
   * cells use commas and none uses a point.
   */
  static void readHeaderAndMark(
      ImportSpec spec, ImportContent content, CsvInput.Scan scan, Facts file, Problems errors) {
    boolean[] comma = {false};
    boolean[] point = {false};
    List<Problem> problems = new ArrayList<>();
    file.rows =
        CsvInput.read(
            content,
            scan,
            new CsvInput.Handler() {
              List<Integer> decimals = List.of();

              @Override
              public boolean header(List<String> header) {
                var before = new Problems();
                var index = mapHeader(spec, header, before);
                errors.addAll(before.list());
                if (!before.isEmpty()) {
                  return false;
                }
                file.index = index;
                file.headerSize = header.size();
                decimals =
                    index.entrySet().stream()
                        .filter(e -> e.getKey().cell().isDecimal())
                        .map(Map.Entry::getValue)
                        .toList();
                return true;
              }

              @Override
              public void record(CsvRecord r) {
                for (int at : decimals) {
                  String v = r.cell(at);
                  if (v != null) {
                    v = v.strip();
                    comma[0] |= COMMA_DECIMAL.matcher(v).matches();
                    point[0] |= POINT_DECIMAL.matcher(v).matches();
                  }
                }
              }
            },
            problems);
    errors.addAll(problems);
    if (comma[0] && !point[0]) {
      file.decimalMark = ',';
    } else if (point[0]) {
      file.decimalMark = '.';
    }
  }

  /** Reads each record again, checks its cells and hands each valid row on. */
  static void readRows(
      ImportSpec spec,
      ImportContent content,
      CsvInput.Scan scan,
      Facts file,
      Cell.Context context,
      Problems errors,
      java.util.function.Consumer<ImportSpec.Row> valid) {
    CsvInput.read(
        content,
        scan,
        new CsvInput.Handler() {
          @Override
          public boolean header(List<String> header) {
            return true;
          }

          @Override
          public void record(CsvRecord record) {
            var row =
                readRow(
                    spec,
                    file.index,
                    file.headerSize,
                    record,
                    context,
                    file.delimiter == ';',
                    errors);
            if (row != null) {
              valid.accept(row);
            }
          }
        },
        new ArrayList<>()); // what reading itself finds was reported by the first pass
  }

  private static Map<ImportSpec.Column, Integer> mapHeader(
      ImportSpec spec, List<String> header, Problems errors) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).toLowerCase(Locale.ROOT);
      if (positions.putIfAbsent(h, i) != null) {
        errors.add(Problem.file("duplicate.column", header.get(i)));
      }
    }
    Map<ImportSpec.Column, Integer> index = new LinkedHashMap<>();
    for (var column : spec.columns()) {
      Integer at = positions.remove(column.header().toLowerCase(Locale.ROOT));
      if (at != null) {
        index.put(column, at);
      } else if (column.required() && !header.isEmpty()) {
        errors.add(Problem.file("missing.column", column.header()));
      }
    }
    for (String ignored : spec.ignoredHeaders()) {
      positions.remove(ignored.toLowerCase(Locale.ROOT));
    }
    for (var unknown : positions.keySet()) {
      errors.add(
          Problem.file(
              "unknown.column",
              header.get(positions.get(unknown)),
              String.join(", ", spec.columns().stream().map(ImportSpec.Column::header).toList())));
    }
    return index;
  }

  /**
   * The valid values of one record, or null (its problems added to {@code errors}). In a file of
   * the Excel dialect (semicolons), a text cell's formula guard is taken off (CsvDialect#unguard).
   */
  private static ImportSpec.Row readRow(
      ImportSpec spec,
      Map<ImportSpec.Column, Integer> index,
      int headerSize,
      CsvRecord record,
      Cell.Context context,
      boolean excelDialect,
      Problems errors) {
    if (record.cells().length != headerSize) {
      errors.add(
          Problem.cell(record, null, null, "field.count", record.cells().length, headerSize));
      return null;
    }
    boolean ok = true;
    Map<String, Object> values = new HashMap<>();
    for (var e : index.entrySet()) {
      var column = e.getKey();
      String raw = record.cell(e.getValue());
      String text;
      if (raw == null) {
        text = "";
      } else if (!column.cell().isText()) {
        text = raw.strip();
      } else if (excelDialect) {
        text = CsvDialect.unguard(raw);
      } else {
        text = raw;
      }
      if (text.isEmpty()) {
        if (column.required()) {
          errors.add(Problem.cell(record, column.header(), null, "required"));
          ok = false;
        }
        continue;
      }
      try {
        values.put(column.header(), column.cell().parse(text, context));
      } catch (CellException ex) {
        errors.add(
            new Problem(
                record.row(),
                record.firstLine(),
                record.lastLine(),
                column.header(),
                text,
                ex.key,
                ex.args));
        ok = false;
      }
    }
    return ok ? new ImportSpec.Row(record, values) : null;
  }
}
