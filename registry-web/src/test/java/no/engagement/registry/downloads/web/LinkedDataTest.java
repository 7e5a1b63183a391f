package no.engagement.registry.downloads.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import no.engagement.registry.release.ReleaseService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What search engines and data catalogues read: the schema.org Dataset on /downloads and on a
 * release's page (the properties Google's Dataset search requires and recommends), and the DCAT-AP
 * catalogue at /catalog (the classes' mandatory properties), their numbers checked against the
 * tables and their addresses downloaded.
 */
@RegistryWebTest
class LinkedDataTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern SCRIPT =
      Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

  /** The whole datasets the README lists, one per import kind but the UN's own formats. */
  private static final int DATASETS = 26;

  @LocalServerPort int port;
  @Autowired JdbcTemplate sql;
  @Autowired ReleaseService releases;

  private JsonNode jsonLdOf(String page) throws Exception {
    var response = new WebClient(port).get(page);
    assertThat(response.statusCode()).isEqualTo(200);
    var m = SCRIPT.matcher(response.body());
    assertThat(m.find()).as(page + " has JSON-LD").isTrue();
    assertThat(m.group(1)).doesNotContain("<");
    return JSON.readTree(m.group(1));
  }

  /** The schema.org Dataset's required and recommended properties, as Google's check has them. */
  private void isADataset(JsonNode d) {
    assertThat(d.path("@context").asString()).isEqualTo("https://schema.org/");
    assertThat(d.path("@type").asString()).isEqualTo("Dataset");
    assertThat(d.path("name").asString()).startsWith("Engagement Registry");
    assertThat(d.path("description").asString().length()).isBetween(50, 5000);
    assertThat(d.path("url").asString()).startsWith("http://localhost:" + port + "/");
    assertThat(d.path("creator").path("@type").asString()).isEqualTo("Organization");
    assertThat(d.path("creator").path("name").asString()).isNotBlank();
    // every licence a source states, and only those
    var licences =
        sql.queryForList(
            "select licence from source_document where licence is not null order by code",
            String.class);
    assertThat(d.path("license")).hasSize(licences.size());
    for (int i = 0; i < licences.size(); i++) {
      assertThat(d.path("license").get(i).path("name").asString()).startsWith(licences.get(i));
    }
    assertThat(d.path("spatialCoverage").path("@type").asString()).isEqualTo("Place");
    assertThat(d.path("distribution")).isNotEmpty();
    for (var dist : d.path("distribution")) {
      assertThat(dist.path("@type").asString()).isEqualTo("DataDownload");
      assertThat(dist.path("encodingFormat").asString()).contains("/");
      assertThat(dist.path("contentUrl").asString()).startsWith("http://localhost:" + port + "/");
    }
  }

  @Test
  void theDownloadsPageDescribesTheDataAsADatasetWhoseFilesDownload() throws Exception {
    var d = jsonLdOf("/downloads");
    isADataset(d);
    assertThat(d.path("version").asString()).isEqualTo("current");
    assertThat(d.path("temporalCoverage").asString())
        .isEqualTo(
            sql.queryForObject(
                "select min(year) || '/' || max(year) from personnel_figure", String.class));
    // the data package and each dataset, and each answers
    assertThat(d.path("distribution")).hasSize(1 + DATASETS);
    var client = new WebClient(port);
    for (var dist : d.path("distribution")) {
      String path =
          dist.path("contentUrl").asString().substring(("http://localhost:" + port).length());
      if (path.endsWith(".csv")) {
        var response = client.bytes(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
            .startsWith(dist.path("encodingFormat").asString());
      }
    }
  }

  @Test
  void aReleasePageDescribesTheReleaseWithItsFixedFiles() throws Exception {
    String version =
        releases.all().isEmpty()
            ? releases.publish("2096.1", "linked data", "linked-data-test", null, null).version()
            : releases.all().getFirst().version();
    var d = jsonLdOf("/releases/" + version);
    isADataset(d);
    assertThat(d.path("version").asString()).isEqualTo(version);
    Map<String, Long> bytes = new HashMap<>();
    sql.query(
        "select f.name, f.bytes from release_file f join release r on r.id = f.release_id"
            + " where r.version = ?",
        rs -> {
          bytes.put(rs.getString("name"), rs.getLong("bytes"));
        },
        version);
    assertThat(d.path("distribution")).hasSize(bytes.size());
    for (var dist : d.path("distribution")) {
      String name = dist.path("name").asString();
      assertThat(dist.path("contentSize").asString()).isEqualTo(bytes.get(name) + " B");
      assertThat(dist.path("contentUrl").asString())
          .endsWith("/releases/" + version + "/files/" + name);
    }
  }

  @Test
  void theCatalogueHasEveryDatasetAndReleaseWithDcatApsMandatoryProperties() throws Exception {
    var response = new WebClient(port).get("/catalog", "Accept", "application/ld+json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/ld+json");
    var c = JSON.readTree(response.body());
    assertThat(c.path("@context").path("dcat").asString()).isEqualTo("http://www.w3.org/ns/dcat#");
    assertThat(c.path("@context").path("dct").asString()).isEqualTo("http://purl.org/dc/terms/");
    assertThat(c.path("@context").path("foaf").asString()).isEqualTo("http://xmlns.com/foaf/0.1/");
    // Catalogue: title, description, publisher (an Agent with a name), datasets
    assertThat(c.path("@type").asString()).isEqualTo("dcat:Catalog");
    assertThat(c.path("dct:title")).isNotEmpty();
    assertThat(c.path("dct:description").path("@value").asString()).isNotBlank();
    assertThat(c.path("dct:publisher").path("foaf:name").asString()).isNotBlank();
    int releaseCount = sql.queryForObject("select count(*) from release", Integer.class);
    assertThat(c.path("dcat:dataset")).hasSize(1 + DATASETS + releaseCount);
    for (var d : c.path("dcat:dataset")) {
      // Dataset: title and description; Distribution: access URL
      assertThat(d.path("@type").asString()).isEqualTo("dcat:Dataset");
      assertThat(d.path("dct:title").path("@value").asString()).as(d.toString()).isNotBlank();
      assertThat(d.path("dct:description").path("@value").asString()).as(d.toString()).isNotBlank();
      assertThat(d.path("dcat:distribution")).isNotEmpty();
      for (var dist : d.path("dcat:distribution")) {
        assertThat(dist.path("dcat:accessURL").path("@id").asString()).startsWith("http");
        assertThat(dist.path("dcat:downloadURL").path("@id").asString()).startsWith("http");
      }
    }
    var ids = new java.util.ArrayList<String>();
    c.path("dcat:dataset").forEach(d -> ids.add(d.path("@id").asString()));
    assertThat(ids)
        .contains(
            "http://localhost:" + port + "/downloads/personnel",
            "http://localhost:" + port + "/downloads/engagement-registry.zip");
    for (var r : releases.all()) {
      assertThat(ids).contains("http://localhost:" + port + "/releases/" + r.version());
    }
  }
}
