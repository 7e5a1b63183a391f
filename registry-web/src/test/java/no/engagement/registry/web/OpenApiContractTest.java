package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import no.engagement.registry.release.ReleaseService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API and its document cannot drift apart: every route of /openapi.json is requested, and every
 * answer (200, 400, 404) is validated against the schema the document gives it, with no field the
 * document does not name and none of those it names missing. Every screen with a CSV has its JSON
 * in the document.
 */
@RegistryWebTest
class OpenApiContractTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @LocalServerPort int port;
  @Autowired ReleaseService releases;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  WebClient client;
  JsonNode document;

  @BeforeEach
  void readTheDocument() throws Exception {
    client = new WebClient(port);
    var response = get("/openapi.json");
    assertThat(response.statusCode()).isEqualTo(200);
    document = JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    // a client of its own, so that other tests' requests do not count against its limit
    return client.get(path, "Accept", "application/json", "X-Forwarded-For", "198.51.100.23");
  }

  @Test
  void theDocumentIsOpenApi31AndItsSchemasAreJsonSchema202012() {
    assertThat(document.path("openapi").asString()).startsWith("3.1.");
    assertThat(document.path("info").path("title").asString()).isEqualTo("Engagement Registry");
    assertThat(document.path("info").path("version").asString()).isNotEmpty();
    var meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    var schemas = document.path("components").path("schemas");
    assertThat(schemas.size()).isGreaterThan(20);
    for (var name : schemas.propertyNames()) {
      assertThat(meta.validate(schemas.get(name))).as(name).isEmpty();
    }
    // every reference names a schema of the document
    var refs = new TreeSet<String>();
    collectRefs(document, refs);
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/schemas/");
      assertThat(schemas.has(ref.substring("#/components/schemas/".length()))).as(ref).isTrue();
    }
    // each route documents its success, bad input, unknown codes and too many requests
    for (var path : document.path("paths").propertyNames()) {
      var responses = document.path("paths").path(path).path("get").path("responses");
      assertThat(responses.propertyNames()).as(path).contains("200", "400", "404", "429");
      assertThat(responses.path("429").path("headers").has("Retry-After")).as(path).isTrue();
    }
  }

  @Test
  void everyScreenWithACsvHasItsJsonInTheDocument() {
    var csv = new TreeSet<String>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(p -> p.endsWith(".csv"))
                    // whole datasets and import templates are files, not screens; /test/ only in
                    // tests
                    .filter(p -> !p.matches("/(downloads|imports|test)/.*"))
                    .forEach(csv::add));
    assertThat(csv).contains("/deployments.csv", "/missions/{acronym}.csv");
    var documented = new TreeSet<>(document.path("paths").propertyNames());
    for (String route : csv) {
      assertThat(documented).as(route).contains(route.replaceAll("\\.csv$", ".json"));
    }
  }

  @Test
  void everyDocumentedRouteAnswersAsDocumented() throws Exception {
    while (releases.all().size() < 2) {
      releases.publish(
          "2098." + releases.all().size(), "contract test", "contract-test", null, null);
    }
    String release = releases.all().getFirst().version();
    String older = releases.all().get(1).version();
    Map<String, String> samples = new LinkedHashMap<>();
    samples.put("acronym", "MINUSMA");
    samples.put("iso3", "NOR");
    samples.put("version", release);
    var paths = new TreeSet<>(document.path("paths").propertyNames());
    List<String> requested = new ArrayList<>();
    for (String path : paths) {
      String url = path;
      for (var e : samples.entrySet()) {
        url = url.replace("{" + e.getKey() + "}", e.getValue());
      }
      if (url.equals("/peace-processes/{id}.json")) {
        url = "/peace-processes/" + first("/peace-processes.json", "code") + ".json";
      }
      if (url.equals("/releases/" + release + "/diff.json")) {
        url += "?from=" + older;
      }
      if (url.equals("/changes/{id}.json")) {
        url = "/changes/" + first("/changes.json", "batch") + ".json";
      }
      if (url.equals("/sources/{id}.json")) {
        url = "/sources/" + first("/sources.json", "id") + ".json";
      }
      assertThat(url).as(path).doesNotContain("{");
      check(path, url, 200);
      requested.add(url);
    }
    // the same routes with their parameters, paged, pinned and in English
    check(
        "/deployments.json",
        "/deployments.json?contributor=NOR&group=mission&from=2015&lang=en",
        200);
    String next =
        check("/deployments.json", "/deployments.json?group=none&from=2015", 200)
            .path("next")
            .asString();
    assertThat(next).contains("after=");
    check("/deployments.json", next, 200);
    check("/deployments.json", "/deployments.json?group=type&release=" + release, 200);
    check("/search.json", "/search.json?q=sudan", 200);
    check("/missions/{acronym}.json", "/missions/UNMISS.json?basis=annual_average", 200);
    // bad input: 400 naming the parameter; unknown codes and releases: 404
    assertThat(check("/deployments.json", "/deployments.json?from=abc", 400).path("parameter"))
        .hasToString("\"from\"");
    assertThat(check("/deployments.json", "/deployments.json?group=nope", 400).path("parameter"))
        .hasToString("\"group\"");
    assertThat(
            check("/discrepancies.json", "/discrepancies.json?threshold=101", 400)
                .path("parameter"))
        .hasToString("\"threshold\"");
    check("/deployments.json", "/deployments.json?contributor=XXX", 404);
    check("/missions/{acronym}.json", "/missions/NOPE.json", 404);
    check("/countries/{iso3}.json", "/countries/XYZ.json", 404);
    check("/changes/{id}.json", "/changes/x.json", 400);
    assertThat(
            check("/releases/{version}/diff.json", "/releases/" + release + "/diff.json", 400)
                .path("parameter"))
        .hasToString("\"from\"");
    check("/changes/{id}.json", "/changes/999999999.json", 404);
    check("/deployments.json", "/deployments.json?release=no-such-release", 404);
    assertThat(requested).hasSize(paths.size());
  }

  @Test
  void everyWordTheDocumentOffersIsTakenAndAWordItDoesNotIsRefused() throws Exception {
    int tried = 0;
    for (var path : document.path("paths").propertyNames()) {
      if (path.contains("{")) {
        continue;
      }
      for (var p : document.path("paths").path(path).path("get").path("parameters")) {
        var schema = p.path("schema");
        var words = schema.has("enum") ? schema.path("enum") : schema.path("items").path("enum");
        if (words.isMissingNode() || p.path("name").asString().equals("lang")) {
          continue;
        }
        String name = p.path("name").asString();
        for (var word : words) {
          String url = path + "?" + name + "=" + word.asString();
          if (name.equals("gender") && word.asString().equals("all")) {
            url += "&group=none"; // totals over all genders would overlap: only the figures
          }
          check(path, url, 200);
          tried++;
        }
        assertThat(check(path, path + "?" + name + "=no-such-word", 400).path("parameter"))
            .hasToString("\"" + name + "\"");
      }
    }
    // type, gender, basis, group and sort of /deployments.json, and its sources' type and gender
    assertThat(tried).isGreaterThan(30);
  }

  private String first(String list, String field) throws Exception {
    return JSON.readTree(get(list).body()).path("items").get(0).path(field).asString();
  }

  /** Requests {@code url} and validates its answer against the document's schema for it. */
  private JsonNode check(String path, String url, int status) throws Exception {
    var response = get(url);
    assertThat(response.statusCode()).as(url).isEqualTo(status);
    var documented =
        document
            .path("paths")
            .path(path)
            .path("get")
            .path("responses")
            .path(Integer.toString(status));
    assertThat(documented.isMissingNode()).as(path + " documents " + status).isFalse();
    String mediaType = documented.path("content").propertyNames().iterator().next();
    assertThat(mediaType).isEqualTo(status == 200 ? mediaType : "application/problem+json");
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .as(url)
        .startsWith(mediaType);
    var schema = documented.path("content").path(mediaType).path("schema");
    assertThat(schema.isMissingNode()).as(path + " " + status + " has a schema").isFalse();
    var body = JSON.readTree(response.body());
    var errors = validator(schema).validate(body);
    assertThat(errors).as(url + " against the schema of " + path + " " + status).isEmpty();
    return body;
  }

  /**
   * The response's schema as a JSON Schema 2020-12 of its own, with the document's schemas as its
   * definitions, made strict: an object has exactly the properties the document names (each may be
   * null: the document does not say which are).
   */
  private com.networknt.schema.Schema validator(JsonNode responseSchema) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    ObjectNode defs = root.putObject("$defs");
    document
        .path("components")
        .path("schemas")
        .properties()
        .forEach(e -> defs.set(e.getKey(), strict(e.getValue().deepCopy())));
    root.setAll((ObjectNode) strict(responseSchema.deepCopy()));
    String text = JSON.writeValueAsString(root).replace("#/components/schemas/", "#/$defs/");
    return SCHEMAS.getSchema(text);
  }

  private static JsonNode strict(JsonNode schema) {
    if (!(schema instanceof ObjectNode o)) {
      return schema;
    }
    if (o.has("properties")) {
      o.put("additionalProperties", false);
      var properties = (ObjectNode) o.get("properties");
      for (var name : new ArrayList<>(properties.propertyNames())) {
        properties.set(name, orNull(strict(properties.get(name))));
      }
    }
    if (o.has("items")) {
      o.set("items", orNull(strict(o.get("items"))));
    }
    return o;
  }

  private static JsonNode orNull(JsonNode schema) {
    ObjectNode either = JSON.createObjectNode();
    ArrayNode anyOf = either.putArray("anyOf");
    anyOf.add(schema);
    anyOf.addObject().put("type", "null");
    return either;
  }

  private static void collectRefs(JsonNode node, TreeSet<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asString());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
