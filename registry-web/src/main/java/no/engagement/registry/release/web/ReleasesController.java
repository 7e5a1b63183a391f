package no.engagement.registry.release.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import no.engagement.registry.release.Citation;
import no.engagement.registry.release.Release;
import no.engagement.registry.release.ReleaseDiffs;
import no.engagement.registry.release.ReleaseJobs;
import no.engagement.registry.release.ReleaseRefusedException;
import no.engagement.registry.release.ReleaseService;
import no.engagement.registry.web.Atom;
import no.engagement.registry.web.BadParameterException;
import no.engagement.registry.web.Link;
import no.engagement.registry.web.LinkedData;
import no.engagement.registry.web.NotFoundException;
import no.engagement.registry.web.PublicUrl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Releases: the list (and, for admins, publishing), one release with its fixed files, their SHA-256
 * and row counts and its citation, the files themselves byte for byte, and what changed between two
 * releases.
 */
@Controller
class ReleasesController {

  private final ReleaseService releases;
  private final ReleaseJobs jobs;
  private final ReleaseDiffs diffs;
  private final PublicUrl publicUrl;
  private final no.engagement.registry.downloads.DownloadService downloadService;
  private final org.springframework.context.MessageSource messages;

  ReleasesController(
      ReleaseService releases,
      ReleaseJobs jobs,
      ReleaseDiffs diffs,
      PublicUrl publicUrl,
      org.springframework.context.MessageSource messages,
      no.engagement.registry.downloads.DownloadService downloadService) {
    this.messages = messages;
    this.downloadService = downloadService;
    this.releases = releases;
    this.jobs = jobs;
    this.diffs = diffs;
    this.publicUrl = publicUrl;
  }

  @GetMapping("/releases")
  String list(Model model) {
    model.addAttribute("releases", releases.all());
    model.addAttribute("jobs", jobs.unfinishedOrFailed());
    model.addAttribute("feedUrl", "/releases.atom");
    return "releases";
  }

  /** The releases as data. */
  @Schema(name = "Releases")
  record ReleasesJson(java.util.List<no.engagement.registry.release.Release> items) {}

  @GetMapping(value = "/releases.json", produces = "application/json")
  @ResponseBody
  @Operation(summary = "Every published release, newest first")
  ReleasesJson listJson() {
    return new ReleasesJson(releases.all());
  }

  /** Every release, newest first: its notes, its page, and what changed since the one before. */
  @GetMapping("/releases.atom")
  void feed(HttpServletResponse response) throws IOException {
    var all = releases.all();
    var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    var entries = new java.util.ArrayList<com.rometools.rome.feed.atom.Entry>();
    for (int i = 0; i < all.size(); i++) {
      var r = all.get(i);
      var older = i + 1 < all.size() ? all.get(i + 1) : null;
      var html = new StringBuilder();
      if (r.notes() != null && !r.notes().isBlank()) {
        html.append("<p>").append(Atom.escape(r.notes())).append("</p>");
      }
      String diff =
          older == null
              ? null
              : publicUrl.of(Link.releaseDiff(r.version()).with("from", older.version()));
      if (diff != null) {
        html.append("<p><a href=\"")
            .append(Atom.escape(diff))
            .append("\">")
            .append(
                Atom.escape(
                    messages.getMessage(
                        "feed.release.diff", new Object[] {older.version()}, locale)))
            .append("</a></p>");
      }
      var entry =
          Atom.entry(
              pageUrl(r.version()),
              messages.getMessage("feed.release.title", new Object[] {r.version()}, locale),
              r.publishedAt(),
              pageUrl(r.version()),
              html.toString());
      if (diff != null) {
        entry.setOtherLinks(List.of(Atom.link("related", diff, "text/html")));
      }
      entries.add(entry);
    }
    Atom.write(
        Atom.feed(
            publicUrl.path("/releases.atom").toUriString(),
            publicUrl.path("/releases").toUriString(),
            messages.getMessage("feed.releases.title", null, locale),
            entries),
        response);
  }

  /** A release's file with its address. */
  @Schema(name = "ReleaseFile")
  record FileJson(
      String name,
      String dataset,
      String dialect,
      String mediaType,
      long rows,
      long bytes,
      String sha256,
      String url) {}

  /** One release as data: its files, byte for byte as published, and its citation. */
  @Schema(name = "ReleaseDetail")
  record ReleaseJson(
      no.engagement.registry.release.Release release,
      java.util.List<FileJson> files,
      Citation citation) {}

  @GetMapping(value = "/releases/{version}.json", produces = "application/json")
  @ResponseBody
  @Operation(summary = "One release: its files with rows, bytes and SHA-256, and its citation")
  ReleaseJson releaseJson(@PathVariable String version) {
    var release = release(version);
    return new ReleaseJson(
        release,
        releases.files(release).stream()
            .map(
                f ->
                    new FileJson(
                        f.name(),
                        f.dataset(),
                        f.dialect(),
                        f.mediaType(),
                        f.rows(),
                        f.bytes(),
                        f.sha256(),
                        fileUrl(release, f.name())))
            .toList(),
        Citation.of(release, pageUrl(release.version())));
  }

  /** Queues the release (any instance publishes it) and shows its page, which follows the job. */
  @PostMapping("/releases")
  String publish(
      @RequestParam(defaultValue = "") String version,
      @RequestParam(defaultValue = "") String notes,
      Principal me,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      String v = version.strip();
      var job = jobs.request(v, notes, me.getName(), pageUrl(v), request.getRemoteAddr());
      return "redirect:/releases/" + job.version();
    } catch (ReleaseRefusedException e) {
      response.setStatus(400);
      model.addAttribute("releases", releases.all());
      model.addAttribute("jobs", jobs.unfinishedOrFailed());
      model.addAttribute("error", e.messageKey());
      model.addAttribute("version", version);
      model.addAttribute("notes", notes);
      return "releases";
    }
  }

  private Release release(String version) {
    return releases.find(version).orElseThrow(() -> new NotFoundException("release " + version));
  }

  /** The release as a schema.org Dataset: what it covers as published, and its fixed files. */
  private java.util.Map<String, Object> dataset(
      no.engagement.registry.release.Release release,
      List<no.engagement.registry.release.ReleaseFile> files) {
    no.engagement.registry.downloads.Coverage coverage;
    try (var pin = no.engagement.registry.db.PinnedSchema.pin(release.schemaName())) {
      coverage = downloadService.coverage();
    }
    return LinkedData.dataset(
        publicUrl.path("").toUriString(),
        pageUrl(release.version()),
        release.version(),
        coverage,
        releaseDownloads(release, files));
  }

  /** A release's files as downloads, with their addresses and sizes. */
  List<LinkedData.Download> releaseDownloads(
      no.engagement.registry.release.Release release,
      List<no.engagement.registry.release.ReleaseFile> files) {
    return files.stream()
        .map(
            f ->
                new LinkedData.Download(
                    f.name(), fileUrl(release, f.name()), f.mediaType(), f.bytes()))
        .toList();
  }

  private String fileUrl(no.engagement.registry.release.Release release, String name) {
    return publicUrl.of(Link.releaseFile(release.version(), name));
  }

  private String pageUrl(String version) {
    return publicUrl.of(Link.release(version));
  }

  @GetMapping("/releases/{version}")
  String release(@PathVariable String version, Model model, HttpServletResponse response) {
    var published = releases.find(version);
    if (published.isEmpty()) {
      // not (yet) published: the job that publishes it, if there is one (done, and the release
      // not yet on the read replica this page reads: it soon is)
      var job = jobs.job(version).orElseThrow(() -> new NotFoundException("release " + version));
      if (!job.state().equals("failed")) {
        response.setHeader("Refresh", "3");
      }
      response.setHeader("Cache-Control", "no-store");
      model.addAttribute("job", job);
      return "release-job";
    }
    var release = published.get();
    var files = releases.files(release);
    model.addAttribute("release", release);
    model.addAttribute("files", files);
    model.addAttribute("jsonLd", LinkedData.script(dataset(release, files)));
    model.addAttribute("citation", Citation.of(release, pageUrl(release.version())));
    model.addAttribute(
        "others", releases.all().stream().filter(r -> r.id() != release.id()).toList());
    return "release";
  }

  @GetMapping("/releases/{version}/files/{name}")
  void file(@PathVariable String version, @PathVariable String name, HttpServletResponse response)
      throws IOException {
    var release = release(version);
    var file =
        releases.files(release).stream()
            .filter(f -> f.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("file " + name));
    response.setContentType(file.mediaType());
    response.setContentLengthLong(file.bytes());
    response.setHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
    response.setHeader("ETag", "\"" + file.sha256() + "\"");
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    if (file.dataset() != null) {
      response.setHeader("X-Row-Count", Long.toString(file.rows()));
    }
    releases.write(release, file, response.getOutputStream());
  }

  @GetMapping("/releases/{version}/diff")
  String diff(
      @PathVariable String version,
      @RequestParam(name = "from", required = false) String from,
      Model model) {
    model.addAttribute("diff", diffOf(version, from));
    return "release-diff";
  }

  @GetMapping(value = "/releases/{version}/diff.json", produces = "application/json")
  @ResponseBody
  @Operation(
      summary =
          "What changed from one release to another, per dataset by natural key: rows added,"
              + " changed and removed, with the first few of each")
  @io.swagger.v3.oas.annotations.Parameter(
      in = io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY,
      name = "from",
      required = true,
      description = "the earlier release's version")
  no.engagement.registry.release.ReleaseDiff diffJson(
      @PathVariable String version, @RequestParam(name = "from", required = false) String from) {
    return diffOf(version, from);
  }

  private no.engagement.registry.release.ReleaseDiff diffOf(String version, String from) {
    var to = release(version);
    if (from == null || from.isBlank()) {
      throw new BadParameterException("from", "", "release.diff.from.missing");
    }
    var base =
        releases
            .find(from)
            .orElseThrow(
                () -> new BadParameterException("from", from, "release.diff.from.unknown"));
    return diffs.between(base, to);
  }
}
