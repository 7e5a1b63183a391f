package no.engagement.registry.downloads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What every column of every dataset means, in English and bokmål, with its Frictionless type, unit
 * and allowed values: {@code downloads/codebook.tsv}. {@code DataPackageTest} keeps it equal to the
 * datasets' real columns.
 */
public final class Codebook {

  /** One column. {@code values} is empty when any value of the type is allowed. */
  public record Entry(
      String dataset,
      String column,
      String type,
      String unit,
      List<String> values,
      String meaningEn,
      String meaningNb) {
    public String meaning(String lang) {
      return "nb".equals(lang) ? meaningNb : meaningEn;
    }
  }

  /** What each basis of a personnel figure means. */
  public record Basis(String code, String en, String nb) {}

  public static final List<Basis> BASES =
      List.of(
          new Basis(
              "snapshot",
              "The number deployed on one date (period_start), as a monthly UN report or a source"
                  + " states it.",
              "Antallet utplassert på én dato (period_start), slik en månedlig FN-rapport eller en"
                  + " kilde oppgir det."),
          new Basis(
              "annual_average",
              "The average of the UN's monthly reports over the year; it can be fractional.",
              "Gjennomsnittet av FNs månedlige rapporter over året; det kan ha desimaler."),
          new Basis(
              "approximate_statement",
              "A figure stated in a policy text (\"around 45\"); it may cover several missions at"
                  + " once and is never split between them.",
              "Et tall oppgitt i en politisk tekst («rundt 45»); det kan gjelde flere oppdrag samlet"
                  + " og deles aldri opp mellom dem."));

  private static final List<Entry> ENTRIES = load();

  private Codebook() {}

  public static List<Entry> entries() {
    return ENTRIES;
  }

  public static List<Entry> of(Dataset dataset) {
    return ENTRIES.stream().filter(e -> e.dataset().equals(dataset.name())).toList();
  }

  private static List<Entry> load() {
    var in = Codebook.class.getClassLoader().getResourceAsStream("downloads/codebook.tsv");
    Objects.requireNonNull(in, "downloads/codebook.tsv is not on the classpath");
    var out = new ArrayList<Entry>();
    try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine(); // header
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
          throw new IllegalStateException("downloads/codebook.tsv: not 7 fields: " + line);
        }
        List<String> values = f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split("\\|"));
        out.add(new Entry(f[0], f[1], f[2], f[3], List.copyOf(values), f[5], f[6]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  /** The codebook as Markdown in {@code lang} ("en" or "nb"). */
  public static String markdown(String lang) {
    boolean nb = "nb".equals(lang);
    var b = new StringBuilder();
    b.append(nb ? "# Kodebok: Engasjementsregisteret\n\n" : "# Codebook: Engagement Registry\n\n");
    b.append(
        nb
            ? "Hver fil i `data/` er CSV etter RFC 4180 (UTF-8, komma, punktum som desimaltegn,"
                + " CRLF, overskriftsrad, ISO-datoer). En tom celle er ukjent, aldri 0. Tekst som"
                + " begynner med =, +, -, @, tabulator eller linjeskift har fått en innledende '.\n\n"
            : "Every file in `data/` is RFC 4180 CSV (UTF-8, comma, point decimals, CRLF, a header"
                + " row, ISO dates). An empty cell is unknown, never 0. Text that starts with =, +,"
                + " -, @, tab or a line break has a leading ' so no spreadsheet runs it.\n\n");
    b.append(
        nb
            ? "## Grunnlag for personelltall (`basis`)\n\n"
            : "## Bases of personnel figures (`basis`)\n\n");
    for (var basis : BASES) {
      b.append("- `").append(basis.code()).append("`: ").append(nb ? basis.nb() : basis.en());
      b.append('\n');
    }
    b.append(
        nb
            ? "\nTall med ulikt grunnlag skal aldri legges sammen.\n"
            : "\nFigures of different bases must never be added together.\n");
    for (var d : Dataset.ALL) {
      b.append("\n## `data/").append(d.name()).append(".csv`\n\n");
      b.append(nb ? "Nøkkel: " : "Key: ");
      b.append(String.join(", ", d.key().stream().map(k -> "`" + k + "`").toList()));
      b.append("\n\n");
      b.append(
          nb
              ? "| kolonne | type | enhet | tillatte verdier | betydning |\n"
              : "| column | type | unit | allowed values | meaning |\n");
      b.append("| --- | --- | --- | --- | --- |\n");
      for (var e : of(d)) {
        b.append("| `")
            .append(e.column())
            .append("` | ")
            .append(e.type())
            .append(" | ")
            .append(e.unit())
            .append(" | ")
            .append(String.join(", ", e.values().stream().map(v -> "`" + v + "`").toList()))
            .append(" | ")
            .append(e.meaning(lang).replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return b.toString();
  }
}
