package no.engagement.registry.process;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A peace process with its parties, facilitators and milestones, each citing its source. */
public record PeaceProcess(
    String code,
    String name,
    @Nullable String conflict,
    @Nullable String country,
    @Nullable String countryName,
    String status,
    @Nullable Short startYear,
    @Nullable Short endYear,
    List<Party> parties,
    List<Role> roles,
    List<Milestone> milestones) {

  /** A party: a country or an organisation (an armed group, a movement). */
  public record Party(String code, String name, @Nullable Long sourceId) {}

  /** An actor in a role over a period, from a source. */
  public record Role(
      String actor,
      String actorName,
      String role,
      @Nullable Short startYear,
      @Nullable Short endYear,
      @Nullable Long sourceId,
      @Nullable String sourceTitle,
      @Nullable String sourceLanguage) {}

  public record Milestone(
      LocalDate date,
      String precision,
      String kind,
      String description,
      @Nullable Long sourceId,
      @Nullable String sourceTitle,
      @Nullable String sourceLanguage) {}
}
