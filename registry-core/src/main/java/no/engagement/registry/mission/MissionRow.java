package no.engagement.registry.mission;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A mission in the list: what it is, when, where. */
public record MissionRow(
    String acronym,
    String name,
    String kind,
    String status,
    @Nullable LocalDate startDate,
    @Nullable LocalDate endDate,
    @Nullable String hosts) {}
