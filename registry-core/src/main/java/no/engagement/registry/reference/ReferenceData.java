package no.engagement.registry.reference;

/** A code with its name in the reader's language: the options of a filter. */
public record ReferenceData(String code, String name) {}
