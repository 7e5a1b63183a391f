package no.engagement.registry.db;

import java.util.regex.Pattern;

/**
 * The schema that the current thread reads instead of {@code public}: a published release's
 * snapshot ({@code release_<id>}, docs/adr/0012). While one is pinned, every connection the pool
 * hands out searches it first ({@code search_path}) and gets its default back when returned, so the
 * same queries show the release's data. jOOQ renders table names without a schema for this.
 */
public final class PinnedSchema {

  private static final Pattern NAME = Pattern.compile("release_[0-9]{1,18}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private PinnedSchema() {}

  /** Pins {@code schema} until the returned scope is closed. */
  public static Scope pin(String schema) {
    if (!NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException("not a release schema: " + schema);
    }
    String before = CURRENT.get();
    CURRENT.set(schema);
    return () -> {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    };
  }

  /** The pinned schema, or null. */
  public static String current() {
    return CURRENT.get();
  }

  /** Ends a pin. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
