/**
 * What every screen shares: layout data, languages, links, errors, charts, maps and the open-data
 * headers. Null-marked: nothing here is null unless it says {@code @Nullable}, and NullAway checks
 * it in the build (ADR 0028).
 */
@NullMarked
package no.engagement.registry.web;

import org.jspecify.annotations.NullMarked;
