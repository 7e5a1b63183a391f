/**
 * The deployments screen: filters, totals that count each person once, groups, trend and the
 * figures behind them. Null-marked: nothing here is null unless it says {@code @Nullable}; a record
 * read from SQL says it of every column that may be null (ADR 0028).
 */
@NullMarked
package no.engagement.registry.deployment;

import org.jspecify.annotations.NullMarked;
