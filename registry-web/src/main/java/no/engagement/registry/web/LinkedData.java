package no.engagement.registry.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.engagement.registry.downloads.Coverage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry described for search engines and data catalogues, in JSON-LD: a schema.org {@code
 * Dataset} (on /downloads and every release page) and a DCAT-AP catalogue (/catalog). Both say the
 * same things: the name and description, the years and places the figures cover, the sources with
 * their licences, and where each file downloads.
 */
public final class LinkedData {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final String NAME = "Engagement Registry";
  static final String DESCRIPTION =
      "A relational registry of Norway's international engagement for peace and security:"
          + " countries, UN peacekeeping and political missions, personnel figures (each with its"
          + " basis, months covered, quality flags and source), peace processes and facilitator"
          + " roles, and funding programmes. Its figures come from the UN's yearly contributions"
          + " and the Norwegian Ministry of Foreign Affairs' policy texts; the data keep the"
          + " licences of their sources.";

  private LinkedData() {}

  /** One file of a dataset: its name, address, media type and (if known) size. */
  public record Download(String name, String url, String mediaType, Long bytes) {}

  /**
   * A schema.org {@code Dataset}: the registry as it is ({@code version} null) or as a release
   * published it.
   */
  public static Map<String, Object> dataset(
      String base, String url, String version, Coverage coverage, List<Download> downloads) {
    var d = new LinkedHashMap<String, Object>();
    d.put("@context", "https://schema.org/");
    d.put("@type", "Dataset");
    d.put("@id", url);
    d.put("name", version == null ? NAME : NAME + " " + version);
    d.put("description", DESCRIPTION);
    d.put("url", url);
    d.put("version", version == null ? "current" : version);
    d.put("isAccessibleForFree", true);
    d.put("inLanguage", List.of("en", "nb"));
    d.put(
        "keywords",
        List.of(
            "peacekeeping",
            "UN missions",
            "personnel contributions",
            "peace processes",
            "Norway",
            "development funding"));
    d.put("creator", organisation(base));
    d.put("publisher", organisation(base));
    var licences = new ArrayList<Map<String, Object>>();
    var basedOn = new ArrayList<Map<String, Object>>();
    for (var s : coverage.sources()) {
      var work = new LinkedHashMap<String, Object>();
      work.put("@type", "CreativeWork");
      work.put("name", s.title());
      if (s.url() != null) {
        work.put("url", s.url());
      }
      work.put("publisher", Map.of("@type", "Organization", "name", s.publisher()));
      basedOn.add(work);
      if (s.licence() != null) {
        licences.add(Map.of("@type", "CreativeWork", "name", s.licence() + " (" + s.title() + ")"));
      }
    }
    if (!licences.isEmpty()) {
      d.put("license", licences);
    }
    d.put("isBasedOn", basedOn);
    if (coverage.firstYear() != null) {
      d.put("temporalCoverage", coverage.firstYear() + "/" + coverage.lastYear());
    }
    d.put(
        "spatialCoverage",
        Map.of(
            "@type",
            "Place",
            "name",
            "Worldwide: "
                + coverage.contributors()
                + " contributing countries, "
                + coverage.hosts()
                + " host countries"));
    if (coverage.modified() != null && version == null) {
      d.put("dateModified", coverage.modified().withNano(0).toString());
    }
    var distribution = new ArrayList<Map<String, Object>>();
    for (var f : downloads) {
      var dd = new LinkedHashMap<String, Object>();
      dd.put("@type", "DataDownload");
      dd.put("name", f.name());
      dd.put("encodingFormat", f.mediaType());
      dd.put("contentUrl", f.url());
      if (f.bytes() != null) {
        dd.put("contentSize", f.bytes() + " B");
      }
      distribution.add(dd);
    }
    d.put("distribution", distribution);
    return d;
  }

  private static Map<String, Object> organisation(String base) {
    return Map.of("@type", "Organization", "name", NAME, "url", base + "/");
  }

  /** A dataset of the DCAT-AP catalogue. */
  public record CatalogDataset(
      String id,
      String title,
      String description,
      String version,
      String issued,
      List<Download> downloads,
      String landingPage) {}

  /**
   * A DCAT-AP catalogue of {@code datasets} (JSON-LD): every whole dataset as it is and every
   * release, each with its distributions.
   */
  public static Map<String, Object> catalog(
      String base, Coverage coverage, List<CatalogDataset> datasets) {
    var context = new LinkedHashMap<String, Object>();
    context.put("dcat", "http://www.w3.org/ns/dcat#");
    context.put("dct", "http://purl.org/dc/terms/");
    context.put("foaf", "http://xmlns.com/foaf/0.1/");
    context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
    var c = new LinkedHashMap<String, Object>();
    c.put("@context", context);
    c.put("@id", base + "/catalog");
    c.put("@type", "dcat:Catalog");
    c.put("dct:title", List.of(text(NAME, "en"), text("Engasjementsregisteret", "nb")));
    c.put("dct:description", text(DESCRIPTION, "en"));
    c.put("dct:publisher", agent(base));
    c.put("foaf:homepage", Map.of("@id", base + "/"));
    c.put(
        "dct:language",
        List.of(
            Map.of("@id", "http://publications.europa.eu/resource/authority/language/ENG"),
            Map.of("@id", "http://publications.europa.eu/resource/authority/language/NOB")));
    if (coverage.modified() != null) {
      c.put("dct:modified", typed(coverage.modified().withNano(0).toString(), "xsd:dateTime"));
    }
    var list = new ArrayList<Map<String, Object>>();
    for (var ds : datasets) {
      var d = new LinkedHashMap<String, Object>();
      d.put("@id", ds.id());
      d.put("@type", "dcat:Dataset");
      d.put("dct:title", text(ds.title(), "en"));
      d.put("dct:description", text(ds.description(), "en"));
      d.put("dct:publisher", agent(base));
      d.put("dcat:landingPage", Map.of("@id", ds.landingPage()));
      if (ds.version() != null) {
        d.put("dcat:version", ds.version());
      }
      if (ds.issued() != null) {
        d.put("dct:issued", typed(ds.issued(), "xsd:dateTime"));
      }
      if (coverage.firstYear() != null) {
        d.put(
            "dct:temporal",
            Map.of(
                "@type",
                "dct:PeriodOfTime",
                "dcat:startDate",
                typed(coverage.firstYear().toString(), "xsd:gYear"),
                "dcat:endDate",
                typed(coverage.lastYear().toString(), "xsd:gYear")));
      }
      var distributions = new ArrayList<Map<String, Object>>();
      for (var f : ds.downloads()) {
        var dist = new LinkedHashMap<String, Object>();
        dist.put("@type", "dcat:Distribution");
        dist.put("dct:title", text(f.name(), "en"));
        dist.put("dcat:accessURL", Map.of("@id", ds.landingPage()));
        dist.put("dcat:downloadURL", Map.of("@id", f.url()));
        dist.put(
            "dcat:mediaType",
            Map.of("@id", "https://www.iana.org/assignments/media-types/" + f.mediaType()));
        if (f.bytes() != null) {
          dist.put("dcat:byteSize", typed(f.bytes().toString(), "xsd:nonNegativeInteger"));
        }
        distributions.add(dist);
      }
      d.put("dcat:distribution", distributions);
      list.add(d);
    }
    c.put("dcat:dataset", list);
    return c;
  }

  private static Map<String, Object> agent(String base) {
    return Map.of("@id", base + "/", "@type", "foaf:Agent", "foaf:name", NAME);
  }

  private static Map<String, Object> text(String value, String language) {
    return Map.of("@value", value, "@language", language);
  }

  private static Map<String, Object> typed(String value, String type) {
    return Map.of("@value", value, "@type", type);
  }

  /**
   * JSON-LD for a {@code <script type="application/ld+json">}: no {@code <} in it, so that no text
   * can close the script element.
   */
  public static String script(Map<String, Object> jsonLd) {
    return JSON.writeValueAsString(jsonLd).replace("<", "\\u003c");
  }

  /** A dataset's description in words, from the downloads page's messages (in English). */
  public static @Nullable String about(MessageSource messages, String dataset) {
    return messages.getMessage("downloads.about." + dataset, null, dataset, Locale.ENGLISH);
  }
}
