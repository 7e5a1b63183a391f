package no.engagement.registry.downloads.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import no.engagement.registry.downloads.Codebook;
import no.engagement.registry.downloads.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole registry as one zip, downloaded over HTTP, checked against the Frictionless Data
 * Package and Tabular Data Resource specifications (v1): the descriptor's required properties and
 * name patterns, each resource's path, bytes and sha256 hash against the file in the zip, each
 * schema's fields against the CSV header, every value against its field's type and enum, primary
 * keys unique; and the manifest's row counts against the files and independent SQL.
 */
@RegistryWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataPackageTest {

  private static final Pattern NAME = Pattern.compile("^[a-z0-9._-]+$");
  private static final Set<String> TYPES =
      Set.of("string", "number", "integer", "boolean", "date", "datetime", "year");

  @LocalServerPort int port;
  @Autowired JdbcTemplate sql;
  Map<String, byte[]> files = new LinkedHashMap<>();
  JsonNode descriptor;

  @BeforeAll
  void download() throws Exception {
    var response = new WebClient(port).bytes("/downloads/engagement-registry.zip");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertThat(e.getName()).startsWith("engagement-registry/");
        files.put(e.getName().substring("engagement-registry/".length()), zip.readAllBytes());
      }
    }
    descriptor = JsonMapper.builder().build().readTree(files.get("datapackage.json"));
  }

  private String text(String path) {
    assertThat(files).containsKey(path);
    return new String(files.get(path), StandardCharsets.UTF_8);
  }

  private static List<String[]> csv(String text) throws Exception {
    try (var r =
        new CSVReaderBuilder(new StringReader(text))
            .withCSVParser(new RFC4180ParserBuilder().build())
            .build()) {
      return r.readAll();
    }
  }

  @Test
  void theZipHoldsEveryPartOfTheDataPackage() {
    assertThat(files)
        .containsKeys(
            "datapackage.json",
            "manifest.csv",
            "CITATION.cff",
            "LICENSES.md",
            "codebook.en.md",
            "codebook.nb.md",
            "licenses/un-contributions-by-year.LICENSE");
    for (var d : Dataset.ALL) {
      assertThat(files).containsKey("data/" + d.name() + ".csv");
    }
    assertThat(text("CITATION.cff"))
        .startsWith("cff-version: 1.2.0\n")
        .contains("type: dataset")
        .contains("title: \"Engagement Registry")
        .contains("version: \"current\"");
    assertThat(text("LICENSES.md")).contains("MIT").contains("un-peacekeeping-missions");
    for (var lang : List.of("en", "nb")) {
      String codebook = text("codebook." + lang + ".md");
      for (var e : Codebook.entries()) {
        assertThat(codebook)
            .contains("| `" + e.column() + "` |")
            .contains(e.meaning(lang).replace("|", "\\|"));
      }
      assertThat(codebook).contains("`annual_average`").contains("`approximate_statement`");
    }
  }

  @Test
  void theDescriptorFollowsTheDataPackageSpecification() throws Exception {
    assertThat(descriptor.get("profile").asString()).isEqualTo("tabular-data-package");
    assertThat(descriptor.get("name").asString()).matches(NAME);
    assertThat(descriptor.get("licenses").isArray()).isTrue();
    for (var l : descriptor.get("licenses")) {
      assertThat(l.has("name") || l.has("path")).isTrue();
      if (l.has("path")) {
        assertThat(files).containsKey(l.get("path").asString());
      }
    }
    for (var s : descriptor.get("sources")) {
      assertThat(s.get("title").asString()).isNotBlank();
    }
    var resources = descriptor.get("resources");
    assertThat(resources.size()).isEqualTo(Dataset.ALL.size());
    var names = new HashSet<String>();
    for (var r : resources) {
      String name = r.get("name").asString();
      assertThat(name).matches(NAME);
      assertThat(names.add(name)).as("resource names are unique").isTrue();
      assertThat(r.get("profile").asString()).isEqualTo("tabular-data-resource");
      byte[] data = files.get(r.get("path").asString());
      assertThat(data).as(name).isNotNull();
      assertThat(r.get("bytes").asLong()).isEqualTo(data.length);
      assertThat(r.get("hash").asString())
          .isEqualTo(
              "sha256:"
                  + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
      var rows = csv(new String(data, StandardCharsets.UTF_8));
      var fields = new ArrayList<JsonNode>();
      r.get("schema").get("fields").forEach(fields::add);
      assertThat(rows.getFirst())
          .as("the header of %s is its schema's fields", name)
          .containsExactly(
              fields.stream().map(f -> f.get("name").asString()).toArray(String[]::new));
      assertThat(r.get("rows").asLong()).isEqualTo(rows.size() - 1);
      for (int i = 0; i < fields.size(); i++) {
        var f = fields.get(i);
        String type = f.get("type").asString();
        assertThat(TYPES).contains(type);
        var allowed = new HashSet<String>();
        if (f.has("constraints")) {
          f.get("constraints").get("enum").forEach(v -> allowed.add(v.asString()));
        }
        for (var row : rows.subList(1, rows.size())) {
          String v = row[i];
          if (v.isEmpty()) {
            continue; // missingValues: [""]
          }
          String where = name + "." + f.get("name").asString() + " = " + v;
          switch (type) {
            case "integer" -> assertThat(v).as(where).matches("-?[0-9]+");
            case "number" -> assertThat(v).as(where).matches("-?[0-9]+(\\.[0-9]+)?");
            case "boolean" -> assertThat(v).as(where).isIn("true", "false");
            case "date" -> assertThat(v).as(where).matches("[0-9]{4}-[0-9]{2}-[0-9]{2}");
            case "datetime" ->
                assertThat(v).as(where).matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z");
            default -> {}
          }
          if (!allowed.isEmpty()) {
            assertThat(allowed).as(where).contains(v);
          }
        }
      }
      if (r.get("schema").has("primaryKey")) {
        String key = r.get("schema").get("primaryKey").get(0).asString();
        int k = rows.getFirst().length;
        for (int i = 0; i < rows.getFirst().length; i++) {
          if (rows.getFirst()[i].equals(key)) {
            k = i;
          }
        }
        var seen = new HashSet<String>();
        for (var row : rows.subList(1, rows.size())) {
          assertThat(seen.add(row[k])).as(name + " key " + row[k] + " unique").isTrue();
        }
      }
    }
  }

  @Test
  void theManifestCountsEveryFileAndTheCountsAreTheRegistrys() throws Exception {
    var manifest = csv(text("manifest.csv"));
    assertThat(manifest.getFirst()).containsExactly("file", "rows", "bytes", "sha256");
    var listed = new HashSet<String>();
    for (var row : manifest.subList(1, manifest.size())) {
      byte[] data = files.get(row[0]);
      assertThat(data).as(row[0]).isNotNull();
      listed.add(row[0]);
      assertThat(Long.parseLong(row[2])).isEqualTo(data.length);
      assertThat(row[3])
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
      if (row[0].startsWith("data/")) {
        assertThat(Long.parseLong(row[1]))
            .isEqualTo(csv(new String(data, StandardCharsets.UTF_8)).size() - 1L);
      }
    }
    assertThat(listed)
        .containsAll(
            files.keySet().stream()
                .filter(f -> !f.equals("manifest.csv") && !f.equals("datapackage.json"))
                .toList());
    var counts =
        Map.of(
            "data/countries.csv", "select count(*) from country",
            "data/missions.csv", "select count(*) from mission",
            "data/personnel.csv",
                "select count(*) from personnel_figure where mission_id is not null",
            "data/sources.csv", "select count(*) from source_document");
    for (var row : manifest.subList(1, manifest.size())) {
      if (counts.containsKey(row[0])) {
        assertThat(Long.parseLong(row[1]))
            .as(row[0])
            .isEqualTo(sql.queryForObject(counts.get(row[0]), Long.class));
      }
    }
  }
}
