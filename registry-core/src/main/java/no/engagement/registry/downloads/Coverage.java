package no.engagement.registry.downloads;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the registry's data cover, for catalogues and search engines: the years of its personnel
 * figures, the countries that contribute and host, when an import last changed it, and its sources
 * with their licences.
 *
 * @param firstYear the earliest year of a personnel figure (null: none)
 * @param modified when the last import or revert was committed (null: none)
 */
public record Coverage(
    Integer firstYear,
    Integer lastYear,
    long contributors,
    long hosts,
    OffsetDateTime modified,
    List<Source> sources) {

  /** A source document: its address, if it has one, and its licence, if it states one. */
  public record Source(String code, String title, String publisher, String url, String licence) {}
}
