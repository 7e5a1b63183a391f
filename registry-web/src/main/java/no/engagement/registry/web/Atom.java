package no.engagement.registry.web;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Atom feeds (RFC 4287), written by ROME: a feed with its id, title, self and alternate links and
 * author, and entries with an id, a title, the time, links and HTML content.
 */
public final class Atom {

  private Atom() {}

  /**
   * A feed of {@code entries}; {@code updated} is its newest entry's time (or the epoch, for a feed
   * without entries, which never changed).
   */
  public static Feed feed(String self, String alternate, String title, List<Entry> entries) {
    var feed = new Feed("atom_1.0");
    feed.setId(self);
    feed.setTitle(title);
    feed.setOtherLinks(List.of());
    feed.setAlternateLinks(List.of(link("alternate", alternate, "text/html")));
    feed.setOtherLinks(List.of(link("self", self, "application/atom+xml")));
    var author = new Person();
    author.setName("Engagement Registry");
    feed.setAuthors(List.<SyndPerson>of(author));
    feed.setUpdated(
        entries.stream().map(Entry::getUpdated).max(Date::compareTo).orElse(new Date(0)));
    feed.setEntries(entries);
    return feed;
  }

  /** An entry whose content is {@code html} (escaped by the caller). */
  public static Entry entry(
      String id, String title, OffsetDateTime updated, String alternate, String html) {
    var entry = new Entry();
    entry.setId(id);
    entry.setTitle(title);
    entry.setUpdated(Date.from(updated.toInstant()));
    entry.setAlternateLinks(List.of(link("alternate", alternate, null)));
    var content = new Content();
    content.setType("html");
    content.setValue(html);
    entry.setContents(List.of(content));
    return entry;
  }

  /** Text for the HTML of an entry: only {@code < > & " '} escaped, every other character kept. */
  public static String escape(String text) {
    return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
  }

  public static Link link(String rel, String href, @Nullable String type) {
    var link = new Link();
    link.setRel(rel);
    link.setHref(href);
    if (type != null) {
      link.setType(type);
    }
    return link;
  }

  /** Writes the feed as the response, {@code application/atom+xml} in UTF-8. */
  public static void write(Feed feed, HttpServletResponse response) throws IOException {
    response.setContentType("application/atom+xml;charset=UTF-8");
    var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    try {
      new WireFeedOutput().output(feed, writer);
    } catch (FeedException e) {
      throw new IllegalStateException("the feed could not be written", e);
    }
    writer.flush();
  }
}
