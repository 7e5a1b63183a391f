/**
 * The registry in numbers, for the home page. Null-marked: nothing here is null unless it says
 * {@code @Nullable}; a record read from SQL says it of every column that may be null (ADR 0028).
 */
@NullMarked
package no.engagement.registry.summary;

import org.jspecify.annotations.NullMarked;
