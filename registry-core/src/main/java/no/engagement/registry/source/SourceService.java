package no.engagement.registry.source;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import no.engagement.registry.db.KeptResults;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Source documents and datasets, and every fact the registry takes from each. */
@Service
@Transactional(readOnly = true)
public class SourceService {

  /** A screen lists this many facts of one source a page; its CSV has all of them. */
  public static final int SCREEN_LIMIT = 100;

  /** The CSV reads the facts in pages of this many. */
  private static final int CSV_PAGE = 10_000;

  /**
   * One page of a source's facts, where the next starts ({@code kind:key}, null after the last),
   * and how many facts of each kind cite the source.
   */
  public record FactPage(List<SourceFact> facts, String next, List<SourceDocument.KindCount> counts)
      implements KeptResults.Weighed {

    @Override
    public int weight() {
      return 1 + (facts.size() + counts.size()) / 16;
    }
  }

  private final SourceQueries queries;
  private final KeptResults kept;

  SourceService(SourceQueries queries, KeptResults kept) {
    this.queries = queries;
    this.kept = kept;
  }

  public List<SourceDocument> sources() {
    return queries.sources();
  }

  public Optional<SourceDocument> source(long id) {
    return queries.source(id);
  }

  /**
   * The page of the source's facts after {@code after} ({@code kind:key} as a page gives it as
   * next; null: the first page), kept per version of the data (KeptResults).
   *
   * @throws IllegalArgumentException when {@code after} names no kind of fact or no key of it
   */
  public FactPage facts(long id, String lang, String after) {
    return kept.get(
        "source facts",
        List.of(id, lang, after == null ? "" : after),
        () -> computeFacts(id, lang, after));
  }

  private FactPage computeFacts(long id, String lang, String after) {
    String kind = null;
    String key = null;
    if (after != null) {
      int colon = after.indexOf(':');
      kind = colon < 0 ? after : after.substring(0, colon);
      key = colon < 0 ? "" : after.substring(colon + 1);
      if (!SourceQueries.KINDS.contains(kind) || key.isEmpty()) {
        throw new IllegalArgumentException(after + " is not kind:key of a fact");
      }
    }
    var facts = queries.facts(id, "nb".equals(lang), kind, key, SCREEN_LIMIT + 1);
    String next = null;
    if (facts.size() > SCREEN_LIMIT) {
      facts = facts.subList(0, SCREEN_LIMIT);
      next = facts.getLast().kind() + ":" + facts.getLast().key();
    }
    return new FactPage(facts, next, queries.counts(id));
  }

  /**
   * Every fact of the source in the order of its pages, read a page at a time in one snapshot of
   * the data (memory stays bounded however many facts cite it).
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public void eachFact(long id, String lang, Consumer<SourceFact> action) {
    String kind = null;
    String key = null;
    while (true) {
      var page = queries.facts(id, "nb".equals(lang), kind, key, CSV_PAGE);
      page.forEach(action);
      if (page.size() < CSV_PAGE) {
        return;
      }
      kind = page.getLast().kind();
      key = page.getLast().key();
    }
  }
}
