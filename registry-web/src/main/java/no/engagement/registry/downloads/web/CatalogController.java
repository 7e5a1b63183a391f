package no.engagement.registry.downloads.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.engagement.registry.downloads.DownloadService;
import no.engagement.registry.release.ReleaseService;
import no.engagement.registry.web.Link;
import no.engagement.registry.web.LinkedData;
import no.engagement.registry.web.PublicUrl;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /catalog}: the DCAT-AP catalogue (JSON-LD) a data portal harvests: every dataset as it is
 * now, the whole registry as one data package, and every release with its fixed files.
 */
@Controller
class CatalogController {

  private final DownloadService downloads;
  private final ReleaseService releases;
  private final PublicUrl publicUrl;
  private final MessageSource messages;

  CatalogController(
      DownloadService downloads,
      ReleaseService releases,
      PublicUrl publicUrl,
      MessageSource messages) {
    this.downloads = downloads;
    this.releases = releases;
    this.publicUrl = publicUrl;
    this.messages = messages;
  }

  @GetMapping(value = "/catalog", produces = "application/ld+json")
  @ResponseBody
  @Operation(
      summary =
          "The DCAT-AP catalogue (JSON-LD): every dataset, the data package and every release")
  Map<String, Object> catalog() {
    String base = publicUrl.path("").toUriString();
    var datasets = new ArrayList<LinkedData.CatalogDataset>();
    datasets.add(
        new LinkedData.CatalogDataset(
            base + Link.dataPackage(),
            "Engagement Registry (data package)",
            "The whole registry as one Frictionless Data Package: every dataset as CSV, with"
                + " datapackage.json, codebooks, citation and the sources' licences.",
            null,
            null,
            List.of(
                new LinkedData.Download(
                    "engagement-registry.zip", base + Link.dataPackage(), "application/zip", null)),
            base + "/downloads"));
    for (var d : downloads.datasets()) {
      datasets.add(
          new LinkedData.CatalogDataset(
              base + Link.subject("/downloads", d.name(), ""),
              "Engagement Registry: " + d.name(),
              LinkedData.about(messages, d.name()),
              null,
              null,
              List.of(
                  new LinkedData.Download(
                      d.name() + ".csv", base + Link.dataset(d.name()), "text/csv", null)),
              base + "/downloads"));
    }
    for (var r : releases.all()) {
      String page = base + Link.release(r.version());
      var files = new ArrayList<LinkedData.Download>();
      for (var f : releases.files(r)) {
        files.add(
            new LinkedData.Download(
                f.name(),
                base + Link.releaseFile(r.version(), f.name()),
                f.mediaType(),
                f.bytes()));
      }
      datasets.add(
          new LinkedData.CatalogDataset(
              page,
              "Engagement Registry, release " + r.version(),
              r.notes() == null || r.notes().isBlank()
                  ? "The whole registry as published in release " + r.version() + ", fixed."
                  : r.notes(),
              r.version(),
              r.publishedAt().withNano(0).toString(),
              files,
              page));
    }
    return LinkedData.catalog(base, downloads.coverage(), datasets);
  }
}
