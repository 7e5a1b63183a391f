/**
 * The audit log: who did what, when, from where. Null-marked: nothing here is null unless it says
 * {@code @Nullable}; a record read from SQL says it of every column that may be null (ADR 0028).
 */
@NullMarked
package no.engagement.registry.audit;

import org.jspecify.annotations.NullMarked;
