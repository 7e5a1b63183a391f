package no.engagement.registry.downloads.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.engagement.registry.downloads.Coverage;
import no.engagement.registry.downloads.Dataset;
import no.engagement.registry.downloads.DownloadService;
import no.engagement.registry.release.ReleaseService;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.Link;
import no.engagement.registry.web.LinkedData;
import no.engagement.registry.web.NotFoundException;
import no.engagement.registry.web.PublicUrl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

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
    model.addAttribute("jsonLd", jsonLd(publicUrl.path("").toUriString(), downloads.coverage()));
    return "downloads";
  }

  /** The page's JSON-LD, written again only when the data or the address changes. */
  private volatile JsonLd lastJsonLd;

  private record JsonLd(Coverage coverage, String base, String script) {}

  private String jsonLd(String base, Coverage coverage) {
    var last = lastJsonLd;
    // the coverage is kept per version of the data: the same object until an import
    if (last != null && last.coverage() == coverage && last.base().equals(base)) {
      return last.script();
    }
    String script =
        LinkedData.script(
            LinkedData.dataset(base, base + "/downloads", null, coverage, liveDownloads(base)));
    lastJsonLd = new JsonLd(coverage, base, script);
    return script;
  }

  /** The current data's files: the data package, and every dataset as RFC 4180 CSV. */
  List<LinkedData.Download> liveDownloads(String base) {
    var files = new ArrayList<LinkedData.Download>();
    files.add(
        new LinkedData.Download(
            "engagement-registry.zip", base + Link.dataPackage(), "application/zip", null));
    for (var d : downloads.datasets()) {
      files.add(
          new LinkedData.Download(
              d.name() + ".csv", base + Link.dataset(d.name()), "text/csv", null));
    }
    return files;
  }

  /**
   * The whole registry as one Frictionless Data Package zip, from one snapshot (or the pinned
   * release's copy); its manifest.csv states each file's rows, bytes and SHA-256.
   */
  /** A dataset whole, with its natural key, its rows now and its files. */
  @Schema(name = "Dataset")
  record DatasetJson(
      String name, java.util.List<String> key, long rows, String csv, String excel) {}

  /** The downloads as data. */
  @Schema(name = "Downloads")
  record DownloadsJson(java.util.List<DatasetJson> datasets, String dataPackage) {}

  @GetMapping(value = "/downloads.json", produces = "application/json")
  @ResponseBody
  @Operation(
      summary =
          "Every dataset whole: its key, its rows and its CSV in both dialects; the data package")
  DownloadsJson json() {
    var counts = downloads.counts();
    return new DownloadsJson(
        downloads.datasets().stream()
            .map(
                d ->
                    new DatasetJson(
                        d.name(),
                        d.key(),
                        counts.getOrDefault(d.name(), 0L),
                        Link.dataset(d.name()).toString(),
                        Link.dataset(d.name()).with("dialect", "excel-nb").toString()))
            .toList(),
        Link.dataPackage().toString());
  }

  @GetMapping("/downloads/engagement-registry.zip")
  void dataPackage(
      @RequestParam(name = "release", required = false) String release,
      HttpServletResponse response)
      throws IOException {
    if (release != null) {
      // as of a release: its stored file, byte for byte as published
      response.sendRedirect(
          Link.releaseFile(release, DownloadService.packageFileName(release)).toString());
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
          Link.releaseFile(release, ReleaseService.fileName(dataset, dialect)).toString());
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
