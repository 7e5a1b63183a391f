package no.engagement.registry.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Codes and names that import cells refer to, read from the database before validation. */
final class Lookups {

  final Map<String, String> countries = new HashMap<>(); // normalised code or name -> iso3
  final Map<String, Long> missions = new HashMap<>(); // acronym or alias -> id
  final Map<Long, String> acronyms = new HashMap<>(); // id -> acronym
  final Map<String, Long> organisations = new HashMap<>();
  final Map<String, Long> sources = new HashMap<>();
  final Map<String, String> regions = new HashMap<>();
  final Map<String, Long> processes = new HashMap<>();
  final Map<String, Long> programmes = new HashMap<>();

  void addCountryName(String name, String iso3) {
    countries.putIfAbsent(normalise(name), iso3);
  }

  String country(String codeOrName) {
    return countries.get(normalise(codeOrName));
  }

  Long mission(String acronym) {
    return missions.get(normaliseCode(acronym));
  }

  /**
   * Case, accents' composition, typographic apostrophes (U+2019 in "Côte d’Ivoire") and runs of
   * white space do not distinguish names.
   */
  static String normalise(String name) {
    String s =
        Normalizer.normalize(name, Normalizer.Form.NFC)
            .replace('\u2019', '\'')
            .replace('\u2018', '\'');
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  static String normaliseCode(String code) {
    return code.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }
}
