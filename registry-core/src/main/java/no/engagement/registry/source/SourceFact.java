package no.engagement.registry.source;

/**
 * One fact a source states: its kind (table), what it is about, what it says, and its values, each
 * named by its column in the downloads ("founded_year 1948 · member_count 193"), to check against
 * the document. {@code key} is the row's primary key as text (where the next page starts).
 */
public record SourceFact(String key, String kind, String subject, String detail, String values) {}
