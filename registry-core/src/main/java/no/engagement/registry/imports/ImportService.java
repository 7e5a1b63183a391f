package no.engagement.registry.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import no.engagement.registry.audit.AuditLog;
import org.jooq.Field;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Validates a whole import file before anything is written, then merges it, with its import batch,
 * in the caller's transaction: all or nothing. The file is read as a stream and its rows staged
 * with COPY (docs/adr/0010); a revert puts back what a batch changed. Its transactions are
 * read-write, reads included: the staff's screens must see what was just committed (the batch page
 * after a commit), so they never read from a replica (ReadReplica).
 */
@Service
@Transactional
public class ImportService {

  /** How long an import or revert waits for another one writing the same table. */
  static final java.time.Duration WRITE_WAIT = java.time.Duration.ofMinutes(2);

  private static final Pattern REFERENCING_TABLE = Pattern.compile("on table \"([a-z_]+)\"\\s*$");

  private final ImportQueries queries;
  private final StagingQueries staging;
  private final RuleQueries rules;
  private final RevertQueries reverts;
  private final AuditLog audit;

  ImportService(
      ImportQueries queries,
      StagingQueries staging,
      RuleQueries rules,
      RevertQueries reverts,
      AuditLog audit) {
    this.queries = queries;
    this.staging = staging;
    this.rules = rules;
    this.reverts = reverts;
    this.audit = audit;
  }

  /**
   * The template of a kind, with example rows: the first rows of {@code seedFile} (the seed file of
   * that kind, or null) mapped to the template's columns.
   */
  public ImportTemplate template(String kind, byte[] seedFile) {
    return ImportTemplate.of(kind, seedFile);
  }

  /**
   * Validates without writing (a dry run): the report with every problem, valid or not. What a
   * preview shows.
   */
  @Transactional
  public ImportReport check(
      String kind, String fileName, byte[] content, String user, String sourceCode) {
    return check(kind, fileName, ImportContent.of(content), user, sourceCode);
  }

  /** {@link #check(String, String, byte[], String, String)} of a file read as a stream. */
  @Transactional
  public ImportReport check(
      String kind, String fileName, ImportContent content, String user, String sourceCode) {
    return check(new ImportRequest(kind, fileName, content, user, sourceCode, true, null));
  }

  /** The dry run of {@code request} (whatever its {@code dryRun} says): its report. */
  @Transactional
  public ImportReport check(ImportRequest r) {
    try {
      return importFile(
          new ImportRequest(
              r.kind(),
              r.fileName(),
              r.content(),
              r.user(),
              r.sourceCode(),
              true,
              r.remote(),
              r.complete()));
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
   * Reverts a committed batch: deletes the rows it added and puts back the rows it changed or
   * removed, as they were, so the data is as before it; records the revert as a batch of its own,
   * audited. Refused when the batch is unknown, already reverted or itself a revert, when a later
   * standing batch changed or removed its rows, or when rows of later imports depend on its rows.
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
    if (!queries.serialiseWrites(spec.table(), WRITE_WAIT)) {
      throw new RevertRefusedException("revert.busy");
    }
    var later = reverts.changedLater(batchId);
    if (later.isPresent()) {
      throw new RevertRefusedException(
          "revert.replaced.later", batchId, later.get().batchId(), later.get().rows());
    }
    queries.forBulkWork();
    RevertQueries.Reverted reverted;
    try {
      reverted = reverts.revert(spec.table(), batchId);
    } catch (DataAccessException e) {
      var m = REFERENCING_TABLE.matcher(firstLine(rootMessage(e)));
      throw new RevertRefusedException(
          "revert.conflict", batchId, m.find() ? m.group(1) : spec.table().getName());
    }
    queries.afterWrite(spec.table());
    long revertId = queries.recordRevert(batch, reverted.deleted(), reverted.restored(), user);
    audit.record(
        user,
        "import.revert",
        batch.kind() + " #" + batchId,
        "revert batch #"
            + revertId
            + ", "
            + reverted.deleted()
            + " rows removed, "
            + reverted.restored()
            + " restored",
        remote);
    return revertId;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** A source document an import can name for the rows that do not name their own. */
  public record SourceOption(String code, String title) {}

  /** The source documents, by code: the sources a file's rows can cite as a whole. */
  public List<SourceOption> sources() {
    return queries.sources();
  }

  /** The names of the import templates. */
  public List<String> kinds() {
    return ImportSpecs.kinds();
  }

  /** Whether {@code user} has already imported a file of this name (the seed's restart check). */
  public boolean alreadyImported(String fileName, String user) {
    return queries.batchExists(fileName, user);
  }

  /** The SHA-256 of a file (what recognises the same file imported twice). */
  public String sha256(ImportContent content) {
    return CsvInput.scan(content).sha256();
  }

  /**
   * Validates and (unless a dry run) writes the file. The file is read in streaming passes: the
   * bytes (encoding, delimiter, SHA-256), the header and decimal mark, then each row is checked and
   * its table rows are copied into a staging table; keys, the diff and the merge are set-based SQL.
   * Memory does not grow with the file.
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
    var content = request.content();
    queries.forBulkWork();
    CsvInput.Scan scan = CsvInput.scan(content);
    var errors = new Problems();
    var warnings = new Problems();
    errors.addAll(scan.problems());
    Lookups lookups = queries.lookups();
    Long defaultSource = null;
    if (request.sourceCode() != null) {
      defaultSource = lookups.sources.get(request.sourceCode());
      if (defaultSource == null) {
        errors.add(Problem.file("unknown.source.parameter", request.sourceCode()));
      }
    }
    var file = new ImportFile.Facts(scan.encoding(), scan.delimiter());
    if (errors.isEmpty()) {
      ImportFile.readHeaderAndMark(spec, content, scan, file, errors);
    }
    var report =
        new ImportReport(
            spec.kind(),
            request.fileName(),
            scan.sha256(),
            scan.encoding(),
            scan.delimiter(),
            file.decimalMark,
            file.rows,
            0,
            List.of(),
            List.of(),
            null,
            null);
    if (!request.dryRun() && !queries.serialiseWrites(spec.table(), WRITE_WAIT)) {
      errors.add(Problem.file("import.busy", spec.kind(), WRITE_WAIT.toSeconds()));
      throw new ImportRejectedException(with(report, errors, warnings, 0, null, null));
    }
    if (request.complete() && spec.replaces() == null) {
      errors.add(Problem.file("complete.not.available", spec.kind()));
    }
    boolean sourceRequired = spec.requiresSource() && defaultSource == null;
    // no source column and none chosen: said once, for the file, after the rows' own problems
    boolean noSourceAtAll =
        sourceRequired
            && file.index != null
            && file.index.keySet().stream().noneMatch(c -> c.header().equals("source"));
    if (errors.aboutTheFile() || file.index == null) {
      throw new ImportRejectedException(with(report, errors, warnings, 0, null, null));
    }
    var context = new Cell.Context(lookups, file.decimalMark);
    if (spec.writer() != null) {
      return writeRowByRow(
          spec, request, scan, report, file, context, errors, warnings, defaultSource);
    }
    StagingQueries.Target target =
        target(spec, request.complete(), file.index.keySet(), defaultSource != null);
    Field<?> sourceField = spec.table().field("source_id");
    Long source = defaultSource;
    staging.stage(
        target,
        sink ->
            ImportFile.readRows(
                spec,
                content,
                scan,
                file,
                context,
                errors,
                row -> {
                  for (var tableRow : spec.toTableRows(row, warnings)) {
                    if (sourceField != null && tableRow.get(sourceField) == null) {
                      if (sourceRequired) {
                        if (!noSourceAtAll) {
                          errors.add(Problem.cell(row.record(), "source", null, "source.required"));
                        }
                        return;
                      }
                      tableRow = new HashMap<>(tableRow);
                      tableRow.put(sourceField, source);
                    }
                    sink.add(row.record(), tableRow);
                  }
                }));
    for (var d : staging.duplicates(target, Problems.LIMIT)) {
      errors.add(
          new Problem(
              d.row(),
              d.firstLine(),
              d.lastLine(),
              String.join(", ", spec.key()),
              null,
              "duplicate.key",
              List.of(String.join(", ", spec.key()), d.firstRow())));
    }
    if (noSourceAtAll) {
      errors.add(Problem.file("source.required.file", spec.kind()));
    }
    if (errors.isEmpty()) {
      for (var v : rules.violations(target, Problems.LIMIT)) {
        errors.add(
            ruleProblem(
                spec, v.row(), v.firstLine(), v.lastLine(), v.rule(), v.columns(), target.table()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(with(report, errors, warnings, 0, null, null));
    }
    var names = names(lookups);
    ImportDiff diff = staging.diff(target, names);
    if (diff.added() > 0) {
      staging
          .repeatsOfOtherSources(target, names)
          .forEach(
              (code, count) -> warnings.add(Problem.file("warning.other.source", count, code)));
    }
    long toWrite = diff.added() + diff.changed();
    if (request.dryRun()) {
      return with(report, errors, warnings, toWrite, diff, null);
    }
    long batchId = queries.insertBatch(report, request.user(), defaultSource);
    StagingQueries.Merged merged;
    try {
      merged = staging.merge(target, batchId, diff);
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      throw databaseRule(report, warnings, e);
    }
    queries.afterWrite(spec.table());
    queries.finishBatch(
        batchId, merged.added(), merged.changed(), diff.unchanged(), merged.removed());
    audit.record(
        request.user(),
        "import",
        spec.kind() + " #" + batchId,
        request.fileName()
            + ": "
            + merged.added()
            + " added, "
            + merged.changed()
            + " changed, "
            + diff.unchanged()
            + " unchanged, "
            + merged.removed()
            + " removed"
            + (diff.complete().isEmpty()
                ? ""
                : " as the complete " + String.join(", ", diff.complete()))
            + ", SHA-256 "
            + scan.sha256(),
        request.remote());
    return with(report, errors, warnings, merged.added() + merged.changed(), diff, batchId);
  }

  /** The kinds whose rows a writer of their own writes (statements on several missions). */
  private ImportReport writeRowByRow(
      ImportSpec spec,
      ImportRequest request,
      CsvInput.Scan scan,
      ImportReport report,
      ImportFile.Facts file,
      Cell.Context context,
      Problems errors,
      Problems warnings,
      Long defaultSource) {
    List<ImportSpec.Row> rows = new ArrayList<>();
    boolean sourceRequired = spec.requiresSource() && defaultSource == null;
    ImportFile.readRows(
        spec,
        request.content(),
        scan,
        file,
        context,
        errors,
        row -> {
          if (sourceRequired && row.get("source") == null) {
            errors.add(Problem.cell(row.record(), "source", null, "source.required"));
          } else {
            rows.add(row);
          }
        });
    checkDuplicateKeys(spec, rows, errors);
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(with(report, errors, warnings, 0, null, null));
    }
    // each row is written in a savepoint of its own, so every row the database refuses is
    // reported; a dry run then takes back what it wrote
    var tx = TransactionAspectSupport.currentTransactionStatus();
    Object beforeAll = tx.createSavepoint();
    long batchId = queries.insertBatch(report, request.user(), defaultSource);
    int[] counts = new int[ImportSpec.Written.values().length];
    for (var row : rows) {
      Object beforeRow = tx.createSavepoint();
      try {
        counts[spec.writer().write(queries.dsl(), row, batchId, defaultSource).ordinal()]++;
        tx.releaseSavepoint(beforeRow);
      } catch (org.springframework.dao.DataIntegrityViolationException e) {
        tx.rollbackToSavepoint(beforeRow);
        var refused = refusal(e);
        errors.add(
            ruleProblem(
                spec,
                row.record().row(),
                row.record().firstLine(),
                row.record().lastLine(),
                refused == null ? "?" : refused,
                refused == null ? List.of() : rules.columnsOf(spec.table(), refused),
                spec.table()));
      }
    }
    int added = counts[ImportSpec.Written.ADDED.ordinal()];
    int changed = counts[ImportSpec.Written.CHANGED.ordinal()];
    int unchanged = counts[ImportSpec.Written.UNCHANGED.ordinal()];
    var diff = new ImportDiff(added, changed, unchanged, 0, List.of(), List.of(), List.of());
    if (!errors.isEmpty() || request.dryRun()) {
      tx.rollbackToSavepoint(beforeAll);
      if (!errors.isEmpty()) {
        throw new ImportRejectedException(with(report, errors, warnings, 0, null, null));
      }
      return with(report, errors, warnings, added + changed, diff, null);
    }
    tx.releaseSavepoint(beforeAll);
    queries.afterWrite(spec.table());
    queries.finishBatch(batchId, added, changed, unchanged, 0);
    audit.record(
        request.user(),
        "import",
        spec.kind() + " #" + batchId,
        request.fileName()
            + ": "
            + added
            + " added, "
            + changed
            + " changed, "
            + unchanged
            + " unchanged, SHA-256 "
            + report.sha256(),
        request.remote());
    return with(report, errors, warnings, added + changed, diff, batchId);
  }

  /**
   * A rule only the database checks (e.g. a foreign key or a check constraint) was broken; any
   * other failure (the database gone, a timeout) is not the file's fault and propagates.
   */
  private static ImportRejectedException databaseRule(
      ImportReport report, Problems warnings, RuntimeException e) {
    var errors = new Problems();
    errors.add(Problem.file("database.rule", rootMessage(e)));
    return new ImportRejectedException(with(report, errors, warnings, 0, null, null));
  }

  /** The constraint the database named when it refused a row, or null. */
  private static String refusal(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
        return p.getServerErrorMessage().getConstraint();
      }
    }
    return null;
  }

  private static final ResourceBundle ENGLISH =
      ResourceBundle.getBundle("no.engagement.registry.imports.messages", Locale.ENGLISH);

  /**
   * A row that breaks a rule of the table: named by the column the file calls it (the first the
   * rule reads), with the rule's own message, or its definition when it has none.
   */
  private Problem ruleProblem(
      ImportSpec spec,
      int row,
      long firstLine,
      long lastLine,
      String rule,
      List<String> columns,
      org.jooq.Table<?> table) {
    String column =
        columns.stream()
            .map(c -> headerOf(spec, c))
            .distinct()
            .collect(java.util.stream.Collectors.joining(", "));
    String key = "rule." + rule;
    if (ENGLISH.containsKey(key)) {
      return new Problem(row, firstLine, lastLine, column, null, key, List.of());
    }
    return new Problem(
        row,
        firstLine,
        lastLine,
        column,
        null,
        "rule.generic",
        List.of(rule, rules.definition(table, rule)));
  }

  /** The file's name of a table column: the template column that fills it, else its own name. */
  private static String headerOf(ImportSpec spec, String tableColumn) {
    return spec.columns().stream()
        .filter(c -> c.target() != null && c.target().getName().equals(tableColumn))
        .map(ImportSpec.Column::header)
        .findFirst()
        .orElse(tableColumn.equals("source_id") ? "source" : tableColumn);
  }

  /**
   * The columns a file of a kind writes (those in the file, and the source chosen for the file),
   * its natural key (always written) and, for a file declared complete, what it replaces.
   */
  private static StagingQueries.Target target(
      ImportSpec spec,
      boolean complete,
      java.util.Collection<ImportSpec.Column> inFile,
      boolean defaultSource) {
    var table = spec.table();
    List<Field<?>> columns = new ArrayList<>();
    if (spec.expander() != null) {
      for (var f : table.fields()) {
        boolean identity = table.getIdentity() != null && table.getIdentity().getField().equals(f);
        if (!identity && !f.getName().equals("batch_id")) {
          columns.add(f);
        }
      }
    } else {
      columns.addAll(spec.constants().keySet());
      // a column the file leaves out is not written: the rows it changes keep their values
      for (var c : inFile) {
        if (c.target() != null && !columns.contains(c.target())) {
          columns.add(c.target());
        }
      }
      Field<?> source = table.field("source_id");
      if (source != null && !columns.contains(source) && defaultSource) {
        columns.add(source);
      }
    }
    List<Field<?>> key = new ArrayList<>();
    for (String header : spec.key()) {
      spec.columns().stream()
          .filter(c -> c.header().equals(header) && c.target() != null)
          .findFirst()
          .ifPresent(c -> key.add(c.target()));
    }
    if (key.size() != spec.key().size()) {
      key.clear();
      var unique =
          table.getKeys().stream()
              .filter(k -> !k.isPrimary())
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no natural key on " + table));
      key.addAll(unique.getFields());
    }
    for (var k : key) {
      if (!columns.contains(k)) {
        columns.add(k);
      }
    }
    return new StagingQueries.Target(table, columns, key, complete ? spec.replaces() : null);
  }

  /** Ids shown as the codes people know, in reports of changes. */
  private static Map<String, Map<String, String>> names(Lookups lookups) {
    Map<String, String> missions = new HashMap<>();
    lookups.acronyms.forEach((id, acronym) -> missions.put(id.toString(), acronym));
    Map<String, String> sources = new HashMap<>();
    lookups.sources.forEach((code, id) -> sources.put(id.toString(), code));
    return Map.of("mission_id", missions, "source_id", sources);
  }

  /** The rows a committed batch changed or removed (the first {@link ImportDiff#LISTED}). */
  public List<RowChange> changes(ImportBatch batch) {
    ImportSpec spec = ImportSpecs.get(batch.kind());
    if (spec == null || spec.writer() != null) {
      return List.of();
    }
    return staging.history(
        target(spec, false, spec.columns(), true), batch.id(), names(queries.lookups()));
  }

  private static ImportReport with(
      ImportReport r,
      Problems errors,
      Problems warnings,
      long written,
      ImportDiff diff,
      Long batchId) {
    return new ImportReport(
        r.kind(),
        r.fileName(),
        r.sha256(),
        r.encoding(),
        r.delimiter(),
        r.decimalMark(),
        r.rowsRead(),
        (int) written,
        errors.list(),
        warnings.list(),
        diff,
        batchId);
  }

  private static void checkDuplicateKeys(
      ImportSpec spec, List<ImportSpec.Row> rows, Problems errors) {
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

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
