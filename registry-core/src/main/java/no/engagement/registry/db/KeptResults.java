package no.engagement.registry.db;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Results of the screens' slower read-only queries, kept per version of the data: every import and
 * revert moves the version ({@code data_version}) on in its own transaction, so a result computed
 * at one version is right until the next commit, on every instance. A release's results are kept
 * per release, which never changes. Requests that ask for a result being computed wait for it
 * instead of computing it again. At most {@value #MOST} units of results are kept ({@link
 * Weighed}), those asked for least recently let go first (Caffeine); a failed computation is not
 * kept.
 */
@Component
public class KeptResults {

  /**
   * The most kept, in units of {@link Weighed#weight()} (a result that does not say weighs 1): a
   * few megabytes, every mission and country page in both languages and bases and many views.
   */
  private static final long MOST = 8192;

  /** A result that says how much it holds, in units of about 16 rows of a screen. */
  public interface Weighed {
    int weight();
  }

  private final DSLContext dsl;
  private final Map<List<Object>, CompletableFuture<Object>> kept =
      Caffeine.newBuilder()
          .maximumWeight(MOST)
          .<List<Object>, Object>weigher((k, v) -> v instanceof Weighed w ? w.weight() : 1)
          .<List<Object>, Object>buildAsync()
          .asMap();
  private volatile long version = -1;

  KeptResults(DSLContext dsl) {
    this.dsl = dsl;
  }

  private long currentVersion() {
    Long v = dsl.resultQuery("select version from data_version").fetchOne(0, Long.class);
    return v == null ? 0 : v;
  }

  /**
   * The result named {@code name} for {@code args} at the data's current version (or of the pinned
   * release), computed by {@code compute} the first time it is asked for.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(String name, List<?> args, Supplier<T> compute) {
    String schema = PinnedSchema.current();
    long now = schema != null ? 0 : currentVersion();
    if (schema == null && now != version) { // let go of what an older version computed
      kept.keySet().removeIf(k -> k.get(0).equals("public") && !k.get(1).equals(now));
      version = now;
    }
    List<Object> key = List.of(schema == null ? "public" : schema, now, name, List.copyOf(args));
    var mine = new CompletableFuture<Object>();
    var theirs = kept.putIfAbsent(key, mine);
    if (theirs != null) {
      try {
        return (T) theirs.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
    try {
      T value = compute.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      kept.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }
}
