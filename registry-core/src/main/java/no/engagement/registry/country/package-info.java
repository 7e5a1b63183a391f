/**
 * Countries: the list, a country's page as contributor and host, and its CSV. Null-marked: nothing
 * here is null unless it says {@code @Nullable}; a record read from SQL says it of every column
 * that may be null (ADR 0028).
 */
@NullMarked
package no.engagement.registry.country;

import org.jspecify.annotations.NullMarked;
