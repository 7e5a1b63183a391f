/**
 * CSV out: the dialects, the writer and the COPY transcoder. Null-marked: nothing here is null
 * unless it says {@code @Nullable}, and NullAway checks it in the build (ADR 0028).
 */
@NullMarked
package no.engagement.registry.export;

import org.jspecify.annotations.NullMarked;
