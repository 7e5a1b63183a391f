package no.engagement.registry.imports.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import no.engagement.registry.imports.ImportContent;
import no.engagement.registry.imports.ImportRejectedException;
import no.engagement.registry.imports.ImportReport;
import no.engagement.registry.imports.ImportRequest;
import no.engagement.registry.imports.ImportService;
import no.engagement.registry.imports.PendingUploads;
import no.engagement.registry.imports.RevertRefusedException;
import no.engagement.registry.seed.SeedLoader;
import no.engagement.registry.web.BadParameterException;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.NotFoundException;
import no.engagement.registry.web.ServiceBusyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff imports for editors: pick the kind, upload, see the preview (every problem, the detected
 * encoding, delimiter and decimal mark), then commit or cancel; the history of batches, each with
 * its revert. Only editors and admins reach /imports (SecurityConfiguration).
 */
@Controller
class ImportController {

  private final ImportService imports;
  private final PendingUploads pending;

  ImportController(ImportService imports, PendingUploads pending) {
    this.imports = imports;
    this.pending = pending;
  }

  @GetMapping("/imports")
  String imports(Model model) {
    model.addAttribute("kinds", imports.kinds().stream().sorted().toList());
    model.addAttribute("sources", imports.sources());
    model.addAttribute("batches", imports.batches(200));
    return "imports";
  }

  @PostMapping("/imports/preview")
  String preview(
      @RequestParam String kind,
      @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "false") boolean complete,
      @RequestParam MultipartFile file,
      HttpSession session,
      Principal me,
      Model model,
      RedirectAttributes flash)
      throws IOException {
    if (!imports.kinds().contains(kind)) {
      throw new BadParameterException(
          "kind", kind, "param.not.allowed", String.join(", ", imports.kinds()));
    }
    String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
    PendingUploads.Pending p;
    try (var in = file.getInputStream()) {
      p =
          pending.add(
              session.getId(),
              kind,
              name,
              source == null || source.isBlank() ? null : source,
              complete,
              in);
    } catch (PendingUploads.NotKeptException e) {
      if (e.noRoom()) {
        throw new ServiceBusyException("error.no.room");
      }
      flash.addFlashAttribute("problem", "imports.expired");
      return "redirect:/imports";
    }
    // the preview reads the uploaded file as the request has it; a commit reads the stored copy
    return showPreview(p, file::getInputStream, me, model, null);
  }

  private String showPreview(
      PendingUploads.Pending p,
      ImportContent content,
      Principal me,
      Model model,
      ImportReport failed) {
    ImportReport report =
        failed != null ? failed : imports.check(request(p, content, me, true, null));
    model.addAttribute("pending", p);
    model.addAttribute("report", report);
    model.addAttribute("locale", LocaleContextHolder.getLocale());
    model.addAttribute("sameContent", imports.sameContent(p.kind(), report.sha256()));
    return "import-preview";
  }

  @PostMapping("/imports/commit")
  String commit(
      @RequestParam String token,
      @RequestParam(defaultValue = "false") boolean confirm,
      HttpSession session,
      HttpServletRequest request,
      Principal me,
      Model model,
      RedirectAttributes flash) {
    var p = pending.find(session.getId(), token).orElse(null);
    if (p == null) {
      flash.addFlashAttribute("problem", "imports.expired");
      return "redirect:/imports";
    }
    try (var local = pending.open(p)) {
      if (!confirm && !imports.sameContent(p.kind(), imports.sha256(local.content())).isEmpty()) {
        model.addAttribute("needsConfirmation", true);
        return showPreview(p, local.content(), me, model, null);
      }
      try {
        var report =
            imports.importFile(request(p, local.content(), me, false, request.getRemoteAddr()));
        pending.remove(session.getId(), token);
        flash.addFlashAttribute("done", "imports.committed");
        return "redirect:/imports/" + report.batchId();
      } catch (ImportRejectedException e) {
        return showPreview(p, local.content(), me, model, e.report());
      }
    }
  }

  private static ImportRequest request(
      PendingUploads.Pending p,
      ImportContent content,
      Principal me,
      boolean dryRun,
      String remote) {
    return new ImportRequest(
        p.kind(), p.fileName(), content, me.getName(), p.source(), dryRun, remote, p.complete());
  }

  @PostMapping("/imports/cancel")
  String cancel(@RequestParam String token, HttpSession session, RedirectAttributes flash) {
    pending.remove(session.getId(), token);
    flash.addFlashAttribute("done", "imports.cancelled");
    return "redirect:/imports";
  }

  /** The problems of a previewed file as CSV, to work through in a spreadsheet. */
  @GetMapping("/imports/preview/{token}/problems.csv")
  void problems(
      @PathVariable String token,
      Principal me,
      HttpSession session,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    var p =
        pending
            .find(session.getId(), token)
            .orElseThrow(() -> new NotFoundException("upload " + token));
    ImportReport report;
    try (var local = pending.open(p)) {
      report = imports.check(request(p, local.content(), me, true, null));
    }
    var locale = LocaleContextHolder.getLocale();
    try (var csv = Csv.open(response, Csv.dialect(request), "problems.csv")) {
      csv.row("severity", "row", "first_line", "last_line", "column", "value", "reason", "message");
      for (var list : java.util.List.of(report.errors(), report.warnings())) {
        String severity = list == report.errors() ? "error" : "warning";
        for (var e : list) {
          csv.row(
              severity,
              e.row() == 0 ? null : e.row(),
              e.row() == 0 ? null : e.firstLine(),
              e.row() == 0 ? null : e.lastLine(),
              e.column(),
              e.value(),
              e.reason(locale),
              e.message(locale));
        }
      }
    }
  }

  @GetMapping("/imports/{id}")
  String batch(@PathVariable long id, Model model) {
    var batch = imports.batch(id).orElseThrow(() -> new NotFoundException("batch #" + id));
    model.addAttribute("batch", batch);
    model.addAttribute("changes", imports.changes(batch));
    return "import-batch";
  }

  @PostMapping("/imports/{id}/revert")
  String revert(
      @PathVariable long id, Principal me, HttpServletRequest request, RedirectAttributes flash) {
    try {
      long revertId = imports.revert(id, me.getName(), request.getRemoteAddr());
      flash.addFlashAttribute("done", "imports.reverted");
      return "redirect:/imports/" + revertId;
    } catch (RevertRefusedException e) {
      flash.addFlashAttribute("problemText", e.reason(LocaleContextHolder.getLocale()));
      return "redirect:/imports/" + id;
    }
  }

  /** A template with its example rows, in the dialect asked for. */
  @GetMapping("/imports/templates/{kind}.csv")
  void template(@PathVariable String kind, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!imports.kinds().contains(kind)) {
      throw new NotFoundException("import template «" + kind + "»");
    }
    var template = imports.template(kind, SeedLoader.seedFileOf(kind));
    try (var csv = Csv.open(response, Csv.dialect(request), kind + "-template.csv")) {
      csv.row(template.columns().toArray());
      for (var example : template.examples()) {
        csv.row(example.toArray());
      }
    }
  }
}
