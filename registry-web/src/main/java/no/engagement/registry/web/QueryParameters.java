package no.engagement.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a screen's query string: repeated parameters (or comma-separated values) as lists, years
 * and numbers checked, every problem a {@link BadParameterException} naming the parameter.
 */
public final class QueryParameters {

  private final HttpServletRequest request;

  public QueryParameters(HttpServletRequest request) {
    this.request = request;
  }

  /** All values of a repeated parameter, upper-cased codes, without blanks or repeats. */
  public List<String> codes(String name) {
    String[] values = request.getParameterValues(name);
    if (values == null) {
      return List.of();
    }
    var out = new LinkedHashSet<String>();
    for (String v : values) {
      for (String part : v.split(",")) {
        String code = part.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (!code.isEmpty()) {
          if (code.length() > 40) {
            throw new BadParameterException(name, abbreviate(part), "param.too.long");
          }
          out.add(code);
        }
      }
    }
    return List.copyOf(out);
  }

  /** Lower-case words from a closed list. */
  public List<String> words(String name, List<String> allowed) {
    List<String> out = new ArrayList<>();
    for (String code : codes(name)) {
      String w = code.toLowerCase(Locale.ROOT);
      if (!allowed.contains(w)) {
        throw new BadParameterException(
            name, code, "param.not.allowed", String.join(", ", allowed));
      }
      out.add(w);
    }
    return out;
  }

  public String word(String name, String fallback, String... allowed) {
    String v = single(name);
    if (v == null) {
      return fallback;
    }
    String w = v.toLowerCase(Locale.ROOT);
    if (!Arrays.asList(allowed).contains(w)) {
      throw new BadParameterException(name, v, "param.not.allowed", String.join(", ", allowed));
    }
    return w;
  }

  public @Nullable Integer year(String name) {
    String v = single(name);
    if (v == null) {
      return null;
    }
    try {
      int y = Integer.parseInt(v);
      if (y < 1945 || y > 2100) {
        throw new BadParameterException(name, v, "param.year");
      }
      return y;
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, abbreviate(v), "param.year");
    }
  }

  public long nonNegativeLong(String name, long fallback) {
    String v = single(name);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw new BadParameterException(name, v, "param.number");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, abbreviate(v), "param.number");
    }
  }

  private @Nullable String single(String name) {
    String[] values = request.getParameterValues(name);
    if (values == null || values.length == 0 || values[0].isBlank()) {
      return null;
    }
    if (values.length > 1) {
      throw new BadParameterException(name, String.join(", ", values), "param.once");
    }
    return values[0].strip();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "\u2026" : s;
  }
}
