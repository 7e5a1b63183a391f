/**
 * Releases: fixed, citable copies of the whole registry, published by jobs any instance may run,
 * and what changed between two. Null-marked: nothing here is null unless it says {@code @Nullable};
 * a record read from SQL says it of every column that may be null (ADR 0028).
 */
@NullMarked
package no.engagement.registry.release;

import org.jspecify.annotations.NullMarked;
