package no.engagement.registry.search;

/** One thing the search found: its kind, the path of its screen, its code and name. */
public record SearchHit(String kind, String path, String code, String name) {}
