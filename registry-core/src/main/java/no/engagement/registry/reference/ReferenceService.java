package no.engagement.registry.reference;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.engagement.registry.db.PinnedSchema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Code lists with names in bokmål or English, for filters and forms. Every screen with filters
 * shows them, so they are kept for {@link #TTL}: they change only with imports, and an instance
 * behind a load balancer shows a new code at most that much later. Each published release has lists
 * of its own (a pinned view reads the release's schema, docs/adr/0012). No transaction: a list is
 * one query, and a kept one none (a transaction for each list was a few per cent of the deployment
 * screen's CPU); a list is loaded in a read-only transaction of its own.
 */
@Service
public class ReferenceService {

  static final Duration TTL = Duration.ofSeconds(30);

  private record Key(String schema, String list, boolean nb) {}

  private record Cached(long loadedAt, List<ReferenceData> rows, Set<String> codes) {}

  private final ReferenceQueries queries;
  private final TransactionTemplate readOnly;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

  ReferenceService(ReferenceQueries queries, PlatformTransactionManager transactions) {
    this.queries = queries;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  public List<ReferenceData> countries(String lang) {
    return cached("countries", lang, queries::countries).rows();
  }

  /** The countries with personnel figures (a contributor filter finds nothing for the others). */
  public List<ReferenceData> contributors(String lang) {
    return cached("contributors", lang, queries::contributors).rows();
  }

  /** The countries that host a mission. */
  public List<ReferenceData> hosts(String lang) {
    return cached("hosts", lang, queries::hosts).rows();
  }

  public List<ReferenceData> missions(String lang) {
    return cached("missions", lang, queries::missions).rows();
  }

  /** The missions with personnel figures. */
  public List<ReferenceData> missionsWithFigures(String lang) {
    return cached("missions-with-figures", lang, queries::missionsWithFigures).rows();
  }

  public List<ReferenceData> regions(String lang) {
    return cached("regions", lang, queries::regions).rows();
  }

  public List<ReferenceData> personnelTypes(String lang) {
    return cached("types", lang, queries::personnelTypes).rows();
  }

  /**
   * Whether the kept list of countries has every one of {@code codes} (ISO 3166 alpha-3). False
   * does not mean unknown: a country added in the last {@link #TTL} is not in the list yet, so the
   * caller asks the database.
   */
  public boolean listsCountries(Collection<String> codes) {
    return cached("countries", "en", queries::countries).codes().containsAll(codes);
  }

  /** The same for mission acronyms. */
  public boolean listsMissions(Collection<String> acronyms) {
    return cached("missions", "en", queries::missions).codes().containsAll(acronyms);
  }

  /** The same for region codes. */
  public boolean listsRegions(Collection<String> codes) {
    return cached("regions", "en", queries::regions).codes().containsAll(codes);
  }

  private Cached cached(String list, String lang, Function<Boolean, List<ReferenceData>> load) {
    String schema = PinnedSchema.current();
    var key = new Key(schema == null ? "public" : schema, list, "nb".equals(lang));
    long now = System.nanoTime();
    Cached c = cache.get(key);
    if (c == null || now - c.loadedAt() > TTL.toNanos()) {
      // read-only, so that a read replica serves it (ReadReplica); only when a list is loaded
      var rows = List.copyOf(readOnly.execute(status -> load.apply(key.nb())));
      c = new Cached(now, rows, rows.stream().map(ReferenceData::code).collect(Collectors.toSet()));
      cache.put(key, c);
    }
    return c;
  }
}
