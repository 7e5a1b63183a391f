package no.engagement.registry.reference;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Code lists with names in bokmål or English, for filters and forms. Every screen with filters
 * shows them, so they are kept for {@link #TTL}: they change only with imports, and an instance
 * behind a load balancer shows a new code at most that much later.
 */
@Service
@Transactional(readOnly = true)
public class ReferenceService {

  static final Duration TTL = Duration.ofSeconds(30);

  private record Cached(long loadedAt, List<ReferenceData> rows) {}

  private final ReferenceQueries queries;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  ReferenceService(ReferenceQueries queries) {
    this.queries = queries;
  }

  public List<ReferenceData> countries(String lang) {
    return cached("countries:" + lang, () -> queries.countries("nb".equals(lang)));
  }

  public List<ReferenceData> missions(String lang) {
    return cached("missions:" + lang, () -> queries.missions("nb".equals(lang)));
  }

  public List<ReferenceData> regions(String lang) {
    return cached("regions:" + lang, () -> queries.regions("nb".equals(lang)));
  }

  public List<ReferenceData> personnelTypes(String lang) {
    return cached("types:" + lang, () -> queries.personnelTypes("nb".equals(lang)));
  }

  private List<ReferenceData> cached(String key, Supplier<List<ReferenceData>> load) {
    long now = System.nanoTime();
    Cached c = cache.get(key);
    if (c == null || now - c.loadedAt() > TTL.toNanos()) {
      c = new Cached(now, List.copyOf(load.get()));
      cache.put(key, c);
    }
    return c.rows();
  }
}
