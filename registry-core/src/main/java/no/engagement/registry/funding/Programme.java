package no.engagement.registry.funding;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A funding programme: theme, owner, partners, places and yearly allocations. */
public record Programme(
    String code,
    String name,
    String theme,
    @Nullable String owner,
    @Nullable Short startYear,
    @Nullable Short endYear,
    @Nullable String description,
    @Nullable String partners,
    @Nullable String places,
    @Nullable Long sourceId,
    @Nullable String sourceTitle,
    @Nullable String sourceLanguage,
    List<Allocation> allocations) {

  public record Allocation(int year, BigDecimal amount, String currency, String kind) {}
}
