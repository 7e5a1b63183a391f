package no.engagement.registry.funding;

import java.math.BigDecimal;
import java.util.List;

/** A funding programme: theme, owner, partners, places and yearly allocations. */
public record Programme(
    String code,
    String name,
    String theme,
    String owner,
    Short startYear,
    Short endYear,
    String description,
    String partners,
    String places,
    Long sourceId,
    String sourceTitle,
    String sourceLanguage,
    List<Allocation> allocations) {

  public record Allocation(int year, BigDecimal amount, String currency, String kind) {}
}
