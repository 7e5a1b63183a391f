package no.engagement.registry.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.engagement.registry.audit.AuditLog;
import org.jooq.Field;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates a whole import file before anything is written, then writes it, with its import batch,
 * in the caller's transaction: all or nothing.
 */
@Service
@Transactional(readOnly = true)
public class ImportService {

  private static final Pattern COMMA_DECIMAL =
      Pattern.compile("^[-\u2212]?[0-9 \u00a0\u202f]*[0-9],[0-9]+$");
  private static final Pattern POINT_DECIMAL =
      Pattern.compile("^[-\u2212]?[0-9 \u00a0\u202f]*[0-9]\\.[0-9]+$");

  private static final Pattern REFERENCING_TABLE = Pattern.compile("on table \"([a-z_]+)\"\\s*$");

  private final ImportQueries queries;
  private final AuditLog audit;

  ImportService(ImportQueries queries, AuditLog audit) {
    this.queries = queries;
    this.audit = audit;
  }

  /** Examples for the kinds no seed file shows: the yearly personnel figures staff fill in. */
  private static final Map<String, List<List<String>>> WRITTEN_EXAMPLES =
      Map.of(
          "personnel",
          List.of(
              List.of(
                  "NOR",
                  "UNMISS",
                  "2024",
                  "",
                  "",
                  "individual_police",
                  "female",
                  "4",
                  "annual_average",
                  "",
                  "",
                  ""),
              List.of(
                  "NOR",
                  "UNMISS",
                  "2024",
                  "",
                  "",
                  "individual_police",
                  "male",
                  "12",
                  "annual_average",
                  "",
                  "",
                  ""),
              List.of(
                  "NOR",
                  "UNTSO",
                  "2024",
                  "2024-06-01",
                  "2024-06-30",
                  "experts_on_mission",
                  "total",
                  "12",
                  "snapshot",
                  "",
                  "",
                  "")));

  /**
   * The template of a kind, with example rows: the first rows of {@code seedFile} (the seed file of
   * that kind, or null) mapped to the template's columns.
   */
  public ImportTemplate template(String kind, byte[] seedFile) {
    ImportSpec spec = ImportSpecs.get(kind);
    if (spec == null) {
      return null;
    }
    List<String> columns = spec.columns().stream().map(ImportSpec.Column::header).toList();
    List<String> required =
        spec.columns().stream()
            .filter(ImportSpec.Column::required)
            .map(ImportSpec.Column::header)
            .toList();
    List<List<String>> examples = new ArrayList<>(WRITTEN_EXAMPLES.getOrDefault(kind, List.of()));
    if (seedFile != null) {
      var parsed = CsvInput.parse(seedFile);
      Map<String, Integer> at = new HashMap<>();
      for (int i = 0; i < parsed.header().size(); i++) {
        at.put(parsed.header().get(i).toLowerCase(Locale.ROOT), i);
      }
      for (var record : parsed.records().stream().limit(3).toList()) {
        List<String> row = new ArrayList<>();
        for (String c : columns) {
          Integer i = at.get(c.toLowerCase(Locale.ROOT));
          String v = i == null ? null : record.cell(i);
          row.add(v == null ? "" : v);
        }
        examples.add(row);
      }
    }
    return new ImportTemplate(kind, columns, required, spec.key(), examples);
  }

  /**
   * Validates without writing (a dry run): the report with every problem, valid or not. What a
   * preview shows.
   */
  @Transactional
  public ImportReport check(
      String kind, String fileName, byte[] content, String user, String sourceCode) {
    try {
      return importFile(new ImportRequest(kind, fileName, content, user, sourceCode, true));
    } catch (ImportRejectedException e) {
      return e.report();
    }
  }

  /** The newest batches first (at most {@code limit}). */
  public List<ImportBatch> batches(int limit) {
    return queries.batches(limit);
  }

  public Optional<ImportBatch> batch(long id) {
    return queries.batch(id);
  }

  /** Committed imports of the same kind with exactly this content (SHA-256). */
  public List<ImportBatch> sameContent(String kind, String sha256) {
    return queries.sameContent(kind, sha256);
  }

  /**
   * Reverts a committed batch: removes the rows it wrote, so the data is as before it, and records
   * the revert as a batch of its own, audited. Refused when the batch is not committed, is itself a
   * revert, or when rows of later imports depend on its rows.
   *
   * @return the id of the revert batch
   * @throws RevertRefusedException with the reason; nothing is changed then
   */
  @Transactional
  public long revert(long batchId, String user, String remote) {
    queries.lockBatch(batchId);
    var batch =
        queries
            .batch(batchId)
            .orElseThrow(() -> new RevertRefusedException("revert.unknown", batchId));
    if (batch.isRevert()) {
      throw new RevertRefusedException("revert.is.revert", batchId, batch.revertsBatchId());
    }
    if (batch.reverted()) {
      throw new RevertRefusedException(
          "revert.already",
          batchId,
          batch.revertedByBatchId() == null ? "?" : batch.revertedByBatchId());
    }
    ImportSpec spec = ImportSpecs.get(batch.kind());
    if (spec == null) {
      throw new RevertRefusedException("revert.unknown.kind", batch.kind());
    }
    queries.withoutStatementTimeout();
    int deleted;
    try {
      deleted = queries.deleteBatchRows(spec.table(), batchId);
    } catch (DataAccessException e) {
      var m = REFERENCING_TABLE.matcher(firstLine(rootMessage(e)));
      throw new RevertRefusedException(
          "revert.conflict", batchId, m.find() ? m.group(1) : spec.table().getName());
    }
    queries.afterWrite(spec.table());
    long revertId = queries.recordRevert(batch, deleted, user);
    audit.record(
        user,
        "import.revert",
        batch.kind() + " #" + batchId,
        "revert batch #" + revertId + ", " + deleted + " rows removed",
        remote);
    return revertId;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The names of the import templates. */
  public List<String> kinds() {
    return ImportSpecs.kinds();
  }

  /** Whether {@code user} has already imported a file of this name (the seed's restart check). */
  public boolean alreadyImported(String fileName, String user) {
    return queries.batchExists(fileName, user);
  }

  /**
   * Validates and (unless a dry run) writes the file.
   *
   * @throws ImportRejectedException with the full report when the file has errors; nothing is
   *     written then
   */
  @Transactional
  public ImportReport importFile(ImportRequest request) {
    ImportSpec spec = ImportSpecs.get(request.kind());
    if (spec == null) {
      throw new IllegalArgumentException(
          "Unknown import kind '" + request.kind() + "'; known: " + ImportSpecs.kinds());
    }
    String sha256 = HexFormat.of().formatHex(sha256(request.content()));
    CsvInput.Parsed parsed = CsvInput.parse(request.content());
    List<Problem> errors = new ArrayList<>(parsed.problems());
    List<Problem> warnings = new ArrayList<>();
    Lookups lookups = queries.lookups();

    Long defaultSource = null;
    if (request.sourceCode() != null) {
      defaultSource = lookups.sources.get(request.sourceCode());
      if (defaultSource == null) {
        errors.add(Problem.file("unknown.source.parameter", request.sourceCode()));
      }
    }

    Map<ImportSpec.Column, Integer> index = mapHeader(spec, parsed.header(), errors);
    char decimalMark = detectDecimalMark(spec, index, parsed);
    List<ImportSpec.Row> rows = new ArrayList<>();
    if (errors.isEmpty()) {
      var context = new Cell.Context(lookups, decimalMark);
      for (CsvRecord record : parsed.records()) {
        var row = readRow(spec, index, parsed.header().size(), record, context, errors);
        if (row != null) {
          rows.add(row);
        }
      }
      checkDuplicateKeys(spec, rows, errors);
    }
    List<List<Map<Field<?>, Object>>> tableRows = new ArrayList<>(rows.size());
    if (errors.isEmpty() && spec.writer() == null) {
      for (var row : rows) {
        tableRows.add(spec.toTableRows(row, warnings));
      }
      checkAlreadyPresent(spec, rows, tableRows, defaultSource, errors);
    }

    var report =
        new ImportReport(
            spec.kind(),
            request.fileName(),
            sha256,
            parsed.encoding(),
            parsed.delimiter(),
            decimalMark,
            parsed.records().size(),
            0,
            List.copyOf(errors),
            warnings,
            null);
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(report);
    }

    if (request.dryRun()) {
      return withCounts(report, warnings, tableRows.stream().mapToInt(List::size).sum(), null);
    }

    queries.withoutStatementTimeout(); // a large import may take longer than a web request may
    long batchId = queries.insertBatch(report, request.user(), defaultSource);
    int written = 0;
    try {
      if (spec.writer() != null) {
        for (var row : rows) {
          written += spec.writer().write(queries.dsl(), row, batchId, defaultSource);
        }
      } else {
        written =
            queries.insertRows(
                spec.table(), withProvenance(spec, tableRows, batchId, defaultSource));
      }
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      // A rule only the database checks (e.g. a foreign key or a check constraint) was broken;
      // any other failure (the database gone, a timeout) is not the file's fault and propagates.
      var rejected =
          withCounts(
              new ImportReport(
                  report.kind(),
                  report.fileName(),
                  sha256,
                  report.encoding(),
                  report.delimiter(),
                  decimalMark,
                  report.rowsRead(),
                  0,
                  List.of(Problem.file("database.rule", rootMessage(e))),
                  warnings,
                  null),
              warnings,
              0,
              null);
      throw new ImportRejectedException(rejected);
    }
    queries.afterWrite(spec.table());
    queries.finishBatch(batchId, written);
    audit.record(
        request.user(),
        "import",
        spec.kind() + " #" + batchId,
        request.fileName() + ": " + written + " rows, SHA-256 " + sha256,
        request.remote());
    return withCounts(report, warnings, written, batchId);
  }

  private static ImportReport withCounts(
      ImportReport r, List<Problem> warnings, int written, Long batchId) {
    return new ImportReport(
        r.kind(),
        r.fileName(),
        r.sha256(),
        r.encoding(),
        r.delimiter(),
        r.decimalMark(),
        r.rowsRead(),
        written,
        r.errors(),
        List.copyOf(warnings),
        batchId);
  }

  private static List<Map<Field<?>, Object>> withProvenance(
      ImportSpec spec,
      List<List<Map<Field<?>, Object>>> tableRows,
      long batchId,
      Long defaultSource) {
    Field<?> batchField = spec.table().field("batch_id");
    Field<?> sourceField = spec.table().field("source_id");
    List<Map<Field<?>, Object>> out = new ArrayList<>();
    for (var rowsOfOne : tableRows) {
      for (var r : rowsOfOne) {
        var m = new LinkedHashMap<>(r);
        if (batchField != null) {
          m.put(batchField, batchId);
        }
        if (sourceField != null && m.get(sourceField) == null) {
          m.put(sourceField, defaultSource);
        }
        out.add(m);
      }
    }
    return out;
  }

  private static Map<ImportSpec.Column, Integer> mapHeader(
      ImportSpec spec, List<String> header, List<Problem> errors) {
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

  /** A file's decimal mark: a comma when its decimal cells use commas and none uses a point. */
  private static char detectDecimalMark(
      ImportSpec spec, Map<ImportSpec.Column, Integer> index, CsvInput.Parsed parsed) {
    boolean comma = false;
    boolean point = false;
    for (var e : index.entrySet()) {
      if (!e.getKey().cell().isDecimal()) {
        continue;
      }
      for (CsvRecord r : parsed.records()) {
        String v = r.cell(e.getValue());
        if (v == null) {
          continue;
        }
        v = v.strip();
        comma |= COMMA_DECIMAL.matcher(v).matches();
        point |= POINT_DECIMAL.matcher(v).matches();
      }
    }
    if (comma && !point) {
      return ',';
    }
    if (point) {
      return '.';
    }
    return parsed.delimiter() == ';' ? ',' : '.';
  }

  private static ImportSpec.Row readRow(
      ImportSpec spec,
      Map<ImportSpec.Column, Integer> index,
      int headerSize,
      CsvRecord record,
      Cell.Context context,
      List<Problem> errors) {
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
      String text = raw == null ? "" : raw.strip();
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

  /**
   * Rows whose figure (or other fact) the registry already holds, by the table's natural key, are
   * errors named by their row: an import adds; changing a fact is reverting the import that wrote
   * it and importing the corrected file.
   */
  private void checkAlreadyPresent(
      ImportSpec spec,
      List<ImportSpec.Row> rows,
      List<List<Map<Field<?>, Object>>> tableRows,
      Long defaultSource,
      List<Problem> errors) {
    Field<?> sourceField = spec.table().field("source_id");
    List<Map<Field<?>, Object>> keyRows = new ArrayList<>();
    List<ImportSpec.Row> owners = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      for (var r : tableRows.get(i)) {
        var m = new HashMap<Field<?>, Object>(r);
        if (sourceField != null && m.get(sourceField) == null) {
          m.put(sourceField, defaultSource);
        }
        keyRows.add(m);
        owners.add(rows.get(i));
      }
    }
    var reported = new java.util.HashSet<Integer>();
    for (var present : queries.alreadyPresent(spec.table(), keyRows)) {
      var owner = owners.get(present.index());
      if (reported.add(owner.record().row())) {
        errors.add(Problem.cell(owner.record(), null, null, "already.present", present.batch()));
      }
    }
  }

  private static void checkDuplicateKeys(
      ImportSpec spec, List<ImportSpec.Row> rows, List<Problem> errors) {
    Map<List<Object>, ImportSpec.Row> seen = new HashMap<>();
    for (var row : rows) {
      List<Object> key = new ArrayList<>();
      for (String h : spec.key()) {
        key.add(row.get(h));
      }
      var first = seen.putIfAbsent(key, row);
      if (first != null) {
        errors.add(
            Problem.cell(
                row.record(),
                null,
                null,
                "duplicate.key",
                String.join(", ", spec.key()),
                first.record().row()));
      }
    }
  }

  private static byte[] sha256(byte[] content) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(content);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
