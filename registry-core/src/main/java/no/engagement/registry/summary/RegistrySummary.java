package no.engagement.registry.summary;

import java.util.List;

/** What the registry holds, counted per kind of record, for the first page. */
public record RegistrySummary(
    int countries,
    int regions,
    int organisations,
    int missions,
    int peacekeepingMissions,
    int politicalMissions,
    int personnelFigures,
    int contributors,
    Integer firstYear,
    Integer lastYear,
    int peaceProcesses,
    int facilitatorRoles,
    int fundingProgrammes,
    int initiatives,
    int statements,
    int importBatches,
    List<SourceRow> sources) {

  /** A source document and how many facts cite it. */
  public record SourceRow(
      long id,
      String code,
      String kind,
      String title,
      String publisher,
      String language,
      String fileName,
      java.time.LocalDate docDate,
      String datePrecision,
      int facts) {}
}
