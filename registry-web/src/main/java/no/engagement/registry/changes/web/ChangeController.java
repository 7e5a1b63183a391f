package no.engagement.registry.changes.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.engagement.registry.changes.Change;
import no.engagement.registry.changes.ChangeService;
import no.engagement.registry.web.Atom;
import no.engagement.registry.web.BadParameterException;
import no.engagement.registry.web.Link;
import no.engagement.registry.web.NotFoundException;
import no.engagement.registry.web.PublicUrl;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What changed, to follow: every committed import and revert ({@code /changes.atom}, {@code
 * /changes.json}, one batch's public diff at {@code /changes/{id}.json}), and the changes to one
 * mission's, country's or peace process's figures and facts, before and after, as Atom feeds.
 */
@Controller
class ChangeController {

  private final ChangeService changes;
  private final PublicUrl publicUrl;
  private final MessageSource messages;

  ChangeController(ChangeService changes, PublicUrl publicUrl, MessageSource messages) {
    this.changes = changes;
    this.publicUrl = publicUrl;
    this.messages = messages;
  }

  /** The newest batches as data. */
  @Schema(name = "Changes")
  record ChangesJson(List<Change> items) {}

  @GetMapping(value = "/changes.json", produces = "application/json")
  @ResponseBody
  @Operation(
      summary =
          "The newest committed imports and reverts: kind, time, rows added, changed, removed")
  ChangesJson list() {
    return new ChangesJson(changes.batches());
  }

  @GetMapping(value = "/changes/{id}.json", produces = "application/json")
  @ResponseBody
  @Operation(
      summary =
          "One import or revert: its counts and the rows it changed or removed, before and after")
  Change batch(@PathVariable String id) {
    long n;
    try {
      n = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadParameterException("id", id, "param.number");
    }
    return changes.batch(n).orElseThrow(() -> new NotFoundException("import " + id));
  }

  @GetMapping("/changes.atom")
  void changesFeed(HttpServletResponse response) throws IOException {
    var entries = new ArrayList<com.rometools.rome.feed.atom.Entry>();
    for (var c : changes.batches()) {
      entries.add(entry(c, "changes"));
    }
    Atom.write(
        Atom.feed(url("/changes.atom"), url("/"), text("feed.changes.title"), entries), response);
  }

  @GetMapping("/missions/{acronym}.atom")
  void missionFeed(@PathVariable String acronym, HttpServletResponse response) throws IOException {
    String code = acronym.strip().toUpperCase(Locale.ROOT);
    var list =
        changes
            .ofMission(code)
            .orElseThrow(() -> new NotFoundException("mission \u00ab" + acronym + "\u00bb"));
    feed(Link.subject("/missions", code, ""), text("feed.subject.title", code), list, response);
  }

  @GetMapping("/countries/{iso3}.atom")
  void countryFeed(@PathVariable String iso3, HttpServletResponse response) throws IOException {
    String code = iso3.strip().toUpperCase(Locale.ROOT);
    var list =
        changes
            .ofCountry(code)
            .orElseThrow(() -> new NotFoundException("country \u00ab" + iso3 + "\u00bb"));
    feed(Link.subject("/countries", code, ""), text("feed.subject.title", code), list, response);
  }

  @GetMapping("/peace-processes/{id}.atom")
  void processFeed(@PathVariable String id, HttpServletResponse response) throws IOException {
    var list =
        changes
            .ofProcess(id)
            .orElseThrow(() -> new NotFoundException("peace process \u00ab" + id + "\u00bb"));
    feed(Link.subject("/peace-processes", id, ""), text("feed.subject.title", id), list, response);
  }

  private void feed(Link page, String title, List<Change> list, HttpServletResponse response)
      throws IOException {
    var entries = new ArrayList<com.rometools.rome.feed.atom.Entry>();
    for (var c : list) {
      entries.add(entry(c, page.toString()));
    }
    Atom.write(
        Atom.feed(publicUrl.of(page.at(page + ".atom")), publicUrl.of(page), title, entries),
        response);
  }

  /** One batch as an entry: what it was, its counts, and its rows before → after. */
  private com.rometools.rome.feed.atom.Entry entry(Change c, String about) {
    String title =
        c.reverts() != null
            ? text("feed.revert.title", c.batch(), c.reverts(), c.added(), c.changed(), c.removed())
            : text("feed.import.title", c.batch(), c.kind(), c.added(), c.changed(), c.removed());
    var html = new StringBuilder("<p>").append(Atom.escape(title)).append("</p>");
    if (c.revertedBy() != null) {
      html.append("<p>")
          .append(Atom.escape(text("feed.reverted.by", c.revertedBy())))
          .append("</p>");
    }
    if (!c.edits().isEmpty()) {
      html.append("<ul>");
      for (var e : c.edits()) {
        html.append("<li>")
            .append(Atom.escape(text("feed.op." + e.op())))
            .append(": ")
            .append(Atom.escape(e.subject()));
        for (var col : e.columns()) {
          html.append("; ")
              .append(Atom.escape(col.name()))
              .append(' ')
              .append(Atom.escape(col.before() == null ? "\u2013" : col.before()))
              .append(" \u2192 ")
              .append(Atom.escape(col.after() == null ? "\u2013" : col.after()));
        }
        html.append("</li>");
      }
      html.append("</ul>");
      long listed = c.added() + c.changed() + c.removed();
      if (listed > c.edits().size()) {
        html.append("<p>")
            .append(Atom.escape(text("feed.more", listed - c.edits().size())))
            .append("</p>");
      }
    }
    var entry =
        Atom.entry(
            url("/changes/" + c.batch() + ".json") + "#" + about.substring(1).replace('/', '-'),
            title,
            c.at(),
            url("/changes/" + c.batch() + ".json"),
            html.toString());
    return entry;
  }

  private String url(String path) {
    return publicUrl.path(path).encode().toUriString();
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
