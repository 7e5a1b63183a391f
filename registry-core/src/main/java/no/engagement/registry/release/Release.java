package no.engagement.registry.release;

import java.time.OffsetDateTime;

/** A published release: a version of the whole registry, fixed forever (docs/adr/0012). */
public record Release(
    long id, String version, String notes, OffsetDateTime publishedAt, String publishedBy) {

  /** The schema that holds this release's copy of the registry's tables. */
  public String schemaName() {
    return "release_" + id;
  }
}
