package no.engagement.registry.downloads.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.engagement.registry.downloads.Dataset;
import no.engagement.registry.downloads.DownloadService;
import no.engagement.registry.release.ReleaseService;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.NotFoundException;
import no.engagement.registry.web.PublicUrl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /downloads}: every dataset whole, as CSV in both dialects, streamed at COPY speed with its
 * row count in {@code X-Row-Count}. A download that fails midway is aborted, never ended as a
 * shorter file that looks complete.
 */
@Controller
class DownloadsController {

  private final DownloadService downloads;
  private final PublicUrl publicUrl;

  DownloadsController(DownloadService downloads, PublicUrl publicUrl) {
    this.downloads = downloads;
    this.publicUrl = publicUrl;
  }

  @GetMapping("/downloads")
  String page(Model model) {
    model.addAttribute("datasets", downloads.datasets());
    model.addAttribute("counts", downloads.counts());
    return "downloads";
  }

  /**
   * The whole registry as one Frictionless Data Package zip, from one snapshot (or the pinned
   * release's copy); its manifest.csv states each file's rows, bytes and SHA-256.
   */
  @GetMapping("/downloads/engagement-registry.zip")
  void dataPackage(
      @RequestParam(name = "release", required = false) String release,
      HttpServletResponse response)
      throws IOException {
    if (release != null) {
      // as of a release: its stored file, byte for byte as published
      response.sendRedirect(
          "/releases/" + release + "/files/" + DownloadService.packageFileName(release));
      return;
    }
    response.setContentType("application/zip");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + DownloadService.packageFileName(null) + "\"");
    downloads.writePackage(
        null,
        java.time.Instant.now(),
        publicUrl.path("/downloads").toUriString(),
        response.getOutputStream());
  }

  @GetMapping("/downloads/{name}.csv")
  void file(@PathVariable String name, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var dataset = Dataset.named(name).orElseThrow(() -> new NotFoundException("dataset " + name));
    var dialect = Csv.dialect(request);
    String release = request.getParameter("release");
    if (release != null) {
      // as of a release (PageAttributes answered 404 for an unknown one): its stored file
      response.sendRedirect(
          "/releases/" + release + "/files/" + ReleaseService.fileName(dataset, dialect));
      return;
    }
    Csv.attachment(response, name + ".csv");
    downloads.write(
        dataset,
        dialect,
        response.getOutputStream(),
        rows -> response.setHeader("X-Row-Count", Long.toString(rows)));
  }
}
