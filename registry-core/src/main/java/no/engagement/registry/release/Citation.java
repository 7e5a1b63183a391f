package no.engagement.registry.release;

import java.time.format.DateTimeFormatter;

/**
 * A ready citation of a release, or of a screen pinned to one, in APA (7th edition, data set) and
 * BibTeX.
 */
public record Citation(String apa, String bibtex) {

  static final String AUTHOR = "Engagement Registry";
  static final String TITLE =
      "Engagement Registry: Norway's international engagement for peace and security";

  /**
   * @param url the address cited: the release's page, or a screen with {@code ?release=}
   */
  public static Citation of(Release release, String url) {
    int year = release.publishedAt().getYear();
    String date = release.publishedAt().format(DateTimeFormatter.ISO_LOCAL_DATE);
    String apa =
        "%s. (%d). %s (Version %s) [Data set]. %s"
            .formatted(AUTHOR, year, TITLE, release.version(), url);
    String key = "engagement_registry_" + release.version().replaceAll("[^0-9A-Za-z]", "_");
    String bibtex =
        """
        @misc{%s,
          author       = {{%s}},
          title        = {{%s}},
          year         = {%d},
          version      = {%s},
          howpublished = {\\url{%s}},
          note         = {Data set, release %s, published %s}
        }"""
            .formatted(key, AUTHOR, TITLE, year, release.version(), url, release.version(), date);
    return new Citation(apa, bibtex);
  }
}
