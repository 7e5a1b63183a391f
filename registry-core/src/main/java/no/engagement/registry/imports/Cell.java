package no.engagement.registry.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How the text of one cell becomes a typed value. An empty cell (nothing, or {@code ""}) is
 * "unknown" (null), never 0; other cells than free text are read without surrounding spaces.
 */
@FunctionalInterface
interface Cell {

  Object parse(String text, Context context) throws CellException;

  /** What a cell may consult: the lookups and the file's decimal mark. */
  record Context(Lookups lookups, char decimalMark) {}

  /** Whether this column holds decimals (so the file's decimal mark is detected from it). */
  default boolean isDecimal() {
    return false;
  }

  /** Whether the cell is free text, kept exactly as written (other cells are read stripped). */
  default boolean isText() {
    return false;
  }

  /** Free text, as written: its spaces, tabs and line breaks included. */
  static Cell text() {
    return new Cell() {
      @Override
      public Object parse(String text, Context context) {
        return text;
      }

      @Override
      public boolean isText() {
        return true;
      }
    };
  }

  static Cell integer() {
    return (text, context) -> {
      String s = plainNumber(text);
      try {
        return Integer.valueOf(s);
      } catch (NumberFormatException e) {
        throw new CellException("not.integer");
      }
    };
  }

  static Cell year() {
    return year(1945);
  }

  /** A year from {@code from} to 2100 (a founding year can be older than the UN). */
  static Cell year(int from) {
    return (text, context) -> {
      int y = (Integer) integer().parse(text, context);
      if (y < from || y > 2100) {
        throw new CellException("year.range", Integer.toString(from), "2100");
      }
      return (short) y;
    };
  }

  /** How many months of a year a yearly figure stands for: 1 to 12. */
  static Cell monthsCovered() {
    return (text, context) -> {
      int m = (Integer) integer().parse(text, context);
      if (m < 1 || m > 12) {
        throw new CellException("months.range", "1", "12");
      }
      return (short) m;
    };
  }

  static Cell decimal() {
    return new Cell() {
      @Override
      public Object parse(String text, Context context) throws CellException {
        String s = plainNumber(text);
        if (context.decimalMark() == ',') {
          if (s.contains(".")) {
            throw new CellException("decimal.mark", ",");
          }
          s = s.replace(',', '.');
        } else if (s.contains(",")) {
          throw new CellException("decimal.mark", ".");
        }
        try {
          return new BigDecimal(s);
        } catch (NumberFormatException e) {
          throw new CellException("not.number");
        }
      }

      @Override
      public boolean isDecimal() {
        return true;
      }
    };
  }

  static Cell nonNegative(Cell number) {
    return new Cell() {
      @Override
      public Object parse(String text, Context context) throws CellException {
        Object v = number.parse(text, context);
        if (v instanceof BigDecimal d && d.signum() < 0 || v instanceof Integer i && i < 0) {
          throw new CellException("negative");
        }
        return v;
      }

      @Override
      public boolean isDecimal() {
        return number.isDecimal();
      }
    };
  }

  static Cell date() {
    return (text, context) -> {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new CellException("not.date");
      }
    };
  }

  static Cell bool() {
    return mapped(
        Map.of(
            "yes", true, "no", false, "true", true, "false", false, "ja", true, "nei", false, "1",
            true, "0", false));
  }

  /** Case-insensitive mapping of the allowed words to their values. */
  static Cell mapped(Map<String, ?> values) {
    return (text, context) -> {
      Object v = values.get(text.toLowerCase(Locale.ROOT));
      if (v == null) {
        throw new CellException("not.allowed", String.join(", ", new TreeSet<>(values.keySet())));
      }
      return v;
    };
  }

  static Cell oneOf(String... allowed) {
    Set<String> set = Set.copyOf(Arrays.asList(allowed));
    return (text, context) -> {
      if (!set.contains(text)) {
        throw new CellException("not.allowed", String.join(", ", new TreeSet<>(set)));
      }
      return text;
    };
  }

  static Cell country() {
    return lookup(c -> c.lookups()::country, "unknown.country");
  }

  static Cell mission() {
    return lookup(c -> c.lookups()::mission, "unknown.mission");
  }

  static Cell organisation() {
    return lookup(c -> c.lookups().organisations::get, "unknown.organisation");
  }

  static Cell source() {
    return lookup(c -> c.lookups().sources::get, "unknown.source");
  }

  static Cell region() {
    return lookup(c -> c.lookups().regions::get, "unknown.region");
  }

  static Cell process() {
    return lookup(c -> c.lookups().processes::get, "unknown.process");
  }

  static Cell programme() {
    return lookup(c -> c.lookups().programmes::get, "unknown.programme");
  }

  private static Cell lookup(Function<Context, Function<String, ?>> table, String key) {
    return (text, context) -> {
      Object v = table.apply(context).apply(text);
      if (v == null) {
        throw new CellException(key);
      }
      return v;
    };
  }

  /** Removes grouping spaces (also no-break and narrow no-break) and reads U+2212 as minus. */
  private static String plainNumber(String text) {
    return text.replace('\u2212', '-').replaceAll("[ \u00a0\u202f]", "");
  }
}
