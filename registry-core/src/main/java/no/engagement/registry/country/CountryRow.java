package no.engagement.registry.country;

/** A country with its ISO codes and how present it is in the registry. */
public record CountryRow(
    String iso3, String iso2, String numeric, String name, int figures, int hostedMissions) {}
