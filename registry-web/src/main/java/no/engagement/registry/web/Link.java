package no.engagement.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.util.UriUtils;

/**
 * A link to a page of the registry with its query: taken from the request, parameters left out or
 * added, each name and value encoded once, in order. Every link a controller builds from the
 * request's parameters is built here; templates build theirs with {@code @{…}}.
 *
 * <pre>
 * Link.of(request, "/deployments").without("after", "lang").with("basis", "snapshot")
 * </pre>
 */
public final class Link {

  private record Parameter(String name, String value) {}

  private final String path;
  private final List<Parameter> parameters;

  private Link(String path, List<Parameter> parameters) {
    this.path = path;
    this.parameters = List.copyOf(parameters);
  }

  /** {@code path} with no query. */
  public static Link to(String path) {
    return new Link(path, List.of());
  }

  /** {@code path} with the request's parameters, those without a value left out. */
  public static Link of(HttpServletRequest request, String path) {
    List<Parameter> parameters = new ArrayList<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              for (String v : values) {
                if (!v.isBlank()) {
                  parameters.add(new Parameter(name, v));
                }
              }
            });
    return new Link(path, parameters);
  }

  /**
   * The page of one subject in a collection, or one of its other forms: {@code subject("/missions",
   * "UNOSOM II", ".atom")} is {@code /missions/UNOSOM%20II.atom}; {@code form} "" is the page.
   */
  public static Link subject(String collection, String key, String form) {
    return to(collection + "/" + segment(key) + form);
  }

  /** A dataset's CSV as it is now. */
  public static Link dataset(String name) {
    return to("/downloads/" + segment(name) + ".csv");
  }

  /** The whole registry as one data package, as it is now. */
  public static Link dataPackage() {
    return to("/downloads/engagement-registry.zip");
  }

  /** A release's page. */
  public static Link release(String version) {
    return to("/releases/" + segment(version));
  }

  /** What changed between a release and another ({@code from}, a parameter). */
  public static Link releaseDiff(String version) {
    return to("/releases/" + segment(version) + "/diff");
  }

  /** A file of a release, byte for byte as published. */
  public static Link releaseFile(String version, String file) {
    return to("/releases/" + segment(version) + "/files/" + segment(file));
  }

  /** The same link to another path. */
  public Link at(String otherPath) {
    return new Link(otherPath, parameters);
  }

  /** Without every value of the named parameters. */
  public Link without(String... names) {
    var drop = Arrays.asList(names);
    return new Link(path, parameters.stream().filter(p -> !drop.contains(p.name())).toList());
  }

  /** With one more value of {@code name}, after the others. */
  public Link with(String name, Object value) {
    var more = new ArrayList<>(parameters);
    more.add(new Parameter(name, String.valueOf(value)));
    return new Link(path, more);
  }

  /** The encoded query, without {@code ?}; empty when there are no parameters. */
  public String query() {
    var b = new StringBuilder();
    for (var p : parameters) {
      b.append(b.isEmpty() ? "" : "&")
          .append(encode(p.name()))
          .append('=')
          .append(encode(p.value()));
    }
    return b.toString();
  }

  /**
   * The link with {@code ?} or {@code &} at its end, for a caller that appends parameters of its
   * own many times over (a table row per year).
   */
  public String open() {
    String q = query();
    return path + (q.isEmpty() ? "?" : "?" + q + "&");
  }

  /** The path, and {@code ?} with the query when there are parameters. */
  @Override
  public String toString() {
    String q = query();
    return q.isEmpty() ? path : path + "?" + q;
  }

  private static String segment(String s) {
    return UriUtils.encodePathSegment(s, StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
