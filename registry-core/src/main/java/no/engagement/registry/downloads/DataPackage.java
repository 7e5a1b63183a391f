package no.engagement.registry.downloads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import no.engagement.registry.export.CsvDialect;
import no.engagement.registry.export.MeasuredOutputStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole registry as one zip in the Frictionless (Tabular) Data Package layout: every dataset in
 * {@code data/} as RFC 4180 CSV, {@code datapackage.json} (fields, types, keys, licences, sources,
 * and each file's bytes, SHA-256 and row count), the codebook in English and bokmål, {@code
 * CITATION.cff}, the licences and attributions of the sources, and {@code manifest.csv}. Streamed:
 * one dataset at a time through COPY, never held in memory.
 */
final class DataPackage {

  static final String NAME = "engagement-registry";
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /**
   * @param version the release's version, or null for the current data
   * @param created when the package was made (its files carry this time)
   * @param url where the package (or its release) is published
   */
  record Info(String version, Instant created, String url) {}

  /** One file of the package with what the manifest says of it. */
  record Part(String path, Long rows, long bytes, String sha256) {}

  private final DownloadQueries queries;
  private final Info info;
  private final ZipOutputStream zip;
  private final List<Part> parts = new ArrayList<>();

  private DataPackage(DownloadQueries queries, Info info, OutputStream out) {
    this.queries = queries;
    this.info = info;
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
  }

  static List<Part> write(DownloadQueries queries, Info info, OutputStream out) throws IOException {
    var p = new DataPackage(queries, info, out);
    p.writeAll();
    return p.parts;
  }

  private void writeAll() throws IOException {
    var sources = queries.sources();
    for (var d : Dataset.ALL) {
      var measured = entry("data/" + d.name() + ".csv");
      long rows = queries.copy(d, CsvDialect.RFC4180, measured);
      done("data/" + d.name() + ".csv", rows, measured);
    }
    text("codebook.en.md", Codebook.markdown("en"));
    text("codebook.nb.md", Codebook.markdown("nb"));
    text("CITATION.cff", citation());
    text("LICENSES.md", licences(sources));
    for (var s : sources) {
      var licence = licenceFile(s.code());
      if (licence != null) {
        text("licenses/" + s.code() + ".LICENSE", licence);
      }
    }
    var manifest = new StringBuilder("file,rows,bytes,sha256\r\n");
    for (var p : parts) {
      manifest
          .append(p.path())
          .append(',')
          .append(p.rows() == null ? "" : p.rows().toString())
          .append(',')
          .append(p.bytes())
          .append(',')
          .append(p.sha256())
          .append("\r\n");
    }
    var descriptor = JSON.writeValueAsString(descriptor(sources));
    text("manifest.csv", manifest.toString());
    text("datapackage.json", descriptor + "\n");
    zip.finish();
    zip.flush();
  }

  private MeasuredOutputStream entry(String path) throws IOException {
    var e = new ZipEntry(NAME + "/" + path);
    e.setTime(info.created().toEpochMilli());
    zip.putNextEntry(e);
    return new MeasuredOutputStream(zip);
  }

  private void done(String path, Long rows, MeasuredOutputStream m) throws IOException {
    m.close();
    zip.closeEntry();
    parts.add(new Part(path, rows, m.bytes(), m.sha256()));
  }

  private void text(String path, String content) throws IOException {
    var m = entry(path);
    m.write(content.getBytes(StandardCharsets.UTF_8));
    done(path, null, m);
  }

  private String title() {
    return "Engagement Registry: Norway's international engagement for peace and security";
  }

  private String versionLabel() {
    return info.version() == null ? "current" : info.version();
  }

  /** datapackage.json: the Frictionless Tabular Data Package descriptor, keys in this order. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Descriptor(
      String profile,
      String name,
      String title,
      String description,
      String version,
      String created,
      String homepage,
      List<Licence> licenses,
      List<Source> sources,
      List<Resource> resources) {}

  record Licence(String path, String title) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Source(String title, String path) {}

  record Resource(
      String profile,
      String name,
      String path,
      String format,
      String mediatype,
      String encoding,
      long bytes,
      String hash,
      Long rows,
      Dialect dialect,
      Schema schema) {}

  record Dialect(String delimiter, String lineTerminator, String quoteChar, boolean header) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Schema(List<Field> fields, List<String> missingValues, List<String> primaryKey) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Field(
      String name,
      String type,
      String description,
      String format,
      String unit,
      Constraints constraints) {}

  record Constraints(@JsonProperty("enum") List<String> values) {}

  private Descriptor descriptor(List<DownloadQueries.SourceLicence> sources) {
    var licences = new ArrayList<Licence>();
    var cited = new ArrayList<Source>();
    for (var s : sources) {
      cited.add(new Source(s.title() + " (" + s.publisher() + ") [" + s.code() + "]", s.url()));
      if (s.licence() != null) {
        licences.add(new Licence("LICENSES.md", s.licence() + " (" + s.code() + ")"));
      }
    }
    var resources = new ArrayList<Resource>();
    for (var ds : Dataset.ALL) {
      var part = part("data/" + ds.name() + ".csv");
      var fields = new ArrayList<Field>();
      for (var e : Codebook.of(ds)) {
        fields.add(
            new Field(
                e.column(),
                e.type(),
                e.meaningEn(),
                e.type().equals("date") ? "default" : null,
                e.unit().isEmpty() ? null : e.unit(),
                e.values().isEmpty() || e.type().equals("boolean")
                    ? null
                    : new Constraints(e.values())));
      }
      resources.add(
          new Resource(
              "tabular-data-resource",
              ds.name(),
              "data/" + ds.name() + ".csv",
              "csv",
              "text/csv",
              "utf-8",
              part.bytes(),
              "sha256:" + part.sha256(),
              part.rows(),
              new Dialect(",", "\r\n", "\"", true),
              new Schema(fields, List.of(""), ds.key().size() == 1 ? ds.key() : null)));
    }
    return new Descriptor(
        "tabular-data-package",
        NAME,
        title(),
        "Countries, UN missions, personnel figures (each with its basis and source), peace"
            + " processes, facilitator roles, funding programmes, sources and provenance. See"
            + " codebook.en.md / codebook.nb.md.",
        versionLabel(),
        info.created().atOffset(ZoneOffset.UTC).withNano(0).toString(),
        info.url(),
        licences,
        cited,
        resources);
  }

  private Part part(String path) {
    return parts.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
  }

  private String citation() {
    var date = info.created().atOffset(ZoneOffset.UTC).toLocalDate();
    var b = new StringBuilder();
    b.append("cff-version: 1.2.0\n");
    b.append("message: \"If you use these data, please cite them as below.\"\n");
    b.append("type: dataset\n");
    b.append("title: \"").append(title()).append("\"\n");
    b.append("authors:\n  - name: \"Engagement Registry\"\n");
    b.append("version: \"").append(versionLabel()).append("\"\n");
    b.append("date-released: ").append(date).append('\n');
    if (info.url() != null) {
      b.append("url: \"").append(info.url()).append("\"\n");
    }
    b.append("keywords:\n  - peacekeeping\n  - Norway\n  - peace processes\n");
    return b.toString();
  }

  private static String licences(List<DownloadQueries.SourceLicence> sources) {
    var b = new StringBuilder("# Licences and attributions\n\n");
    b.append(
        "The registry's data come from the sources below. Each source's licence or terms of use"
            + " apply to the facts taken from it; credit them as they ask.\n");
    for (var s : sources) {
      b.append("\n## ").append(s.code()).append("\n\n");
      b.append(s.title()).append(", ").append(s.publisher());
      if (s.url() != null) {
        b.append(", ").append(s.url());
      }
      b.append(".\n\n");
      b.append("- Licence: ").append(s.licence() == null ? "not stated" : s.licence()).append('\n');
      if (s.attribution() != null) {
        b.append("- Attribution: ").append(s.attribution()).append('\n');
      }
      if (licenceFile(s.code()) != null) {
        b.append("- Full text: `licenses/").append(s.code()).append(".LICENSE`\n");
      }
    }
    return b.toString();
  }

  /** The licence text that came with a seed file, if any. */
  private static String licenceFile(String sourceCode) {
    try (var in =
        DataPackage.class
            .getClassLoader()
            .getResourceAsStream("seed-data/" + sourceCode + ".LICENSE")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
