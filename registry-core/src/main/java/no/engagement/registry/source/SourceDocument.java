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
    int facts) {}
