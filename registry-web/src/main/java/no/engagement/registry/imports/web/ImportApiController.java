package no.engagement.registry.imports.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.Locale;
import no.engagement.registry.db.TemporaryFiles;
import no.engagement.registry.imports.ImportContent;
import no.engagement.registry.imports.ImportDiff;
import no.engagement.registry.imports.ImportRejectedException;
import no.engagement.registry.imports.ImportReport;
import no.engagement.registry.imports.ImportRequest;
import no.engagement.registry.imports.ImportService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The route {@code scripts/import} uses: {@code POST /api/imports/{kind}?file=NAME[&dry-run=true]
 * [&confirm=true][&source=CODE][&complete=true]} with the file as the body and HTTP Basic
 * credentials of an editor. Answers the same report as the preview, as text: 200 when valid (and
 * committed unless a dry run), 422 with every problem when not, 409 when the same file was imported
 * before and confirm is not set. {@code complete=true} declares the file the complete year of its
 * source: that source's figures of the file's years that it does not contain are removed.
 */
@Controller
class ImportApiController {

  private final ImportService imports;

  private final TemporaryFiles temporaryFiles;

  ImportApiController(ImportService imports, TemporaryFiles temporaryFiles) {
    this.imports = imports;
    this.temporaryFiles = temporaryFiles;
  }

  @PostMapping(
      value = "/api/imports/{kind}",
      produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
  ResponseEntity<String> upload(
      @PathVariable String kind,
      @RequestParam(name = "file", defaultValue = "upload.csv") String fileName,
      @RequestParam(name = "dry-run", defaultValue = "false") boolean dryRun,
      @RequestParam(name = "confirm", defaultValue = "false") boolean confirm,
      @RequestParam(name = "lang", defaultValue = "en") String lang,
      @RequestParam(name = "source", required = false) String source,
      @RequestParam(name = "complete", defaultValue = "false") boolean complete,
      Principal me,
      HttpServletRequest request)
      throws IOException {
    Locale locale = "nb".equals(lang) ? Locale.forLanguageTag("nb") : Locale.ENGLISH;
    if (!imports.kinds().contains(kind)) {
      return ResponseEntity.status(404)
          .body(
              "Unknown kind '"
                  + kind
                  + "'. Known: "
                  + String.join(", ", imports.kinds().stream().sorted().toList())
                  + "\n");
    }
    String sourceCode = source == null || source.isBlank() ? null : source;
    // the body goes to a temporary file: an import reads it in passes, never whole into memory
    Path file = temporaryFiles.create("api-upload-", ".csv");
    try {
      try (var in = request.getInputStream()) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      if (!temporaryFiles.withinLimit()) {
        return ResponseEntity.status(503)
            .header("Retry-After", "60")
            .body("not imported: the registry holds too many uploads just now; try again later\n");
      }
      var content = ImportContent.of(file);
      if (dryRun) {
        var dry =
            imports.check(
                new ImportRequest(
                    kind, fileName, content, me.getName(), sourceCode, true, null, complete));
        var same = imports.sameContent(kind, dry.sha256());
        if (!dry.ok()) {
          return ResponseEntity.status(422).body(text(dry, locale, "rejected: nothing written"));
        }
        return ResponseEntity.ok(
            text(dry, locale, "dry run: valid, nothing written")
                + (same.isEmpty()
                    ? ""
                    : "note: the same file was imported before as batch #"
                        + same.getFirst().id()
                        + "\n"));
      }
      var same = imports.sameContent(kind, imports.sha256(content));
      if (!same.isEmpty() && !confirm) {
        var dry =
            imports.check(
                new ImportRequest(
                    kind, fileName, content, me.getName(), sourceCode, true, null, complete));
        return ResponseEntity.status(409)
            .body(
                text(
                    dry,
                    locale,
                    "not imported: the same file was imported before as batch #"
                        + same.getFirst().id()
                        + " by "
                        + same.getFirst().importedBy()
                        + "; add --confirm to import it again"));
      }
      try {
        var report =
            imports.importFile(
                new ImportRequest(
                    kind,
                    fileName,
                    content,
                    me.getName(),
                    sourceCode,
                    false,
                    request.getRemoteAddr(),
                    complete));
        return ResponseEntity.ok(text(report, locale, "committed as batch #" + report.batchId()));
      } catch (ImportRejectedException e) {
        return ResponseEntity.status(422)
            .body(text(e.report(), locale, "rejected: nothing written"));
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  static String text(ImportReport r, Locale locale, String outcome) {
    var b = new StringBuilder();
    b.append("kind: ").append(r.kind()).append('\n');
    b.append("file: ").append(r.fileName()).append('\n');
    b.append("sha256: ").append(r.sha256()).append('\n');
    b.append("encoding: ").append(r.encoding()).append('\n');
    b.append("delimiter: ").append(r.delimiter()).append('\n');
    b.append("decimal mark: ").append(r.decimalMark()).append('\n');
    b.append("rows read: ").append(r.rowsRead()).append('\n');
    b.append("rows ")
        .append(r.batchId() == null ? "to write" : "written")
        .append(": ")
        .append(r.ok() ? r.rowsWritten() : 0)
        .append('\n');
    var d = r.diff();
    if (d != null) {
      b.append("new: ").append(d.added()).append('\n');
      b.append("changed: ").append(d.changed()).append('\n');
      b.append("unchanged: ").append(d.unchanged()).append('\n');
      b.append("removed: ").append(d.removed()).append('\n');
      if (!d.complete().isEmpty()) {
        b.append("complete: the file is the complete ")
            .append(String.join(", ", d.complete()))
            .append("; the ")
            .append(d.removed())
            .append(" figures of that source and year it does not contain are removed\n");
      }
      for (var c : d.changes()) {
        b.append("  changed: row ").append(c.row()).append(" (").append(c.key()).append(')');
        c.columns()
            .forEach(
                col ->
                    b.append(' ')
                        .append(col.column())
                        .append(' ')
                        .append(col.before())
                        .append(" -> ")
                        .append(col.after()));
        b.append('\n');
      }
      for (var c : d.removals()) {
        b.append("  removed: ").append(c.key()).append('\n');
      }
      if (d.changes().size() < d.changed() || d.removals().size() < d.removed()) {
        b.append("  (the first ").append(ImportDiff.LISTED).append(" of each are listed)\n");
      }
    }
    b.append("errors: ").append(r.errors().size()).append('\n');
    r.errors().forEach(p -> b.append("  error: ").append(p.message(locale)).append('\n'));
    b.append("warnings: ").append(r.warnings().size()).append('\n');
    r.warnings().forEach(p -> b.append("  warning: ").append(p.message(locale)).append('\n'));
    b.append(outcome).append('\n');
    return b.toString();
  }
}
