package no.engagement.registry.process;

import java.time.LocalDate;
import java.util.List;

/** A peace process with its parties, facilitators and milestones, each citing its source. */
public record PeaceProcess(
    String code,
    String name,
    String conflict,
    String country,
    String countryName,
    String status,
    Short startYear,
    Short endYear,
    List<Party> parties,
    List<Role> roles,
    List<Milestone> milestones) {

  /** A party: a country or an organisation (an armed group, a movement). */
  public record Party(String code, String name, Long sourceId) {}

  /** An actor in a role over a period, from a source. */
  public record Role(
      String actor,
      String actorName,
      String role,
      Short startYear,
      Short endYear,
      Long sourceId,
      String sourceTitle,
      String sourceLanguage) {}

  public record Milestone(
      LocalDate date,
      String precision,
      String kind,
      String description,
      Long sourceId,
      String sourceTitle,
      String sourceLanguage) {}
}
