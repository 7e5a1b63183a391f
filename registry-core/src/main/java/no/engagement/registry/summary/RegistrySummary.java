package no.engagement.registry.summary;

import org.jspecify.annotations.Nullable;

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
    @Nullable Integer firstYear,
    @Nullable Integer lastYear,
    int peaceProcesses,
    int facilitatorRoles,
    int fundingProgrammes,
    int initiatives,
    int statements,
    int importBatches) {}
