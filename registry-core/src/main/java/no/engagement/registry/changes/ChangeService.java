package no.engagement.registry.changes;

import java.util.List;
import java.util.Optional;
import no.engagement.registry.changes.ChangeQueries.About;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changed, and when: the committed import batches and reverts, and the changes they made to
 * one mission, country or peace process, for the change feeds.
 */
@Service
@Transactional(readOnly = true)
public class ChangeService {

  /** The batches a feed lists, newest first. */
  public static final int ENTRIES = 50;

  /** The rows an entry lists (its counts are complete). */
  public static final int EDITS = 100;

  private final ChangeQueries queries;

  ChangeService(ChangeQueries queries) {
    this.queries = queries;
  }

  /** The newest committed batches and reverts, with their counts. */
  public List<Change> batches() {
    return queries.batches(ENTRIES);
  }

  /** One committed batch or revert, with the rows it changed or removed. */
  public Optional<Change> batch(long id) {
    return queries.batch(id, EDITS);
  }

  /** The batches that changed a mission's figures or facts; empty for an unknown acronym. */
  public Optional<List<Change>> ofMission(String acronym) {
    return queries
        .id(About.MISSION, acronym)
        .map(id -> queries.about(About.MISSION, id, null, ENTRIES, EDITS));
  }

  /** The batches that changed a country's figures or facts; empty for an unknown code. */
  public Optional<List<Change>> ofCountry(String iso3) {
    return queries.countryExists(iso3)
        ? Optional.of(queries.about(About.COUNTRY, null, iso3, ENTRIES, EDITS))
        : Optional.empty();
  }

  /** The batches that changed a peace process; empty for an unknown code. */
  public Optional<List<Change>> ofProcess(String code) {
    return queries
        .id(About.PROCESS, code)
        .map(id -> queries.about(About.PROCESS, id, null, ENTRIES, EDITS));
  }
}
