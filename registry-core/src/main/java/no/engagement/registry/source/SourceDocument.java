package no.engagement.registry.source;

import java.time.LocalDate;

/** A source document or dataset, with how sure its date is and how many facts cite it. */
public record SourceDocument(
    long id,
    String code,
    String kind,
    String title,
    String publisher,
    String language,
    String fileName,
    LocalDate docDate,
    String datePrecision,
    String dateNote,
    String licence,
    String attribution,
    long facts) {

  /** How many facts of one kind (the table they are in) cite a source. */
  public record KindCount(String kind, long facts) {}
}
