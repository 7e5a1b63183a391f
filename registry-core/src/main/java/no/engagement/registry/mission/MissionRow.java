package no.engagement.registry.mission;

import java.time.LocalDate;

/** A mission in the list: what it is, when, where. */
public record MissionRow(
    String acronym,
    String name,
    String kind,
    String status,
    LocalDate startDate,
    LocalDate endDate,
    String hosts) {}
