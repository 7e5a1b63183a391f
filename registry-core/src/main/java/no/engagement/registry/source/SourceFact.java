package no.engagement.registry.source;

/** One fact a source states: its kind (table), what it is about, and what it says. */
public record SourceFact(String kind, String subject, String detail) {}
