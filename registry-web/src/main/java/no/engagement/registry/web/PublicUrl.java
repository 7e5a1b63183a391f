package no.engagement.registry.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The registry's address as it goes into what people keep: citations, the data package's homepage.
 * {@code registry.public-url} (REGISTRY_PUBLIC_URL, e.g. {@code https://registry.example.org}) when
 * set; otherwise the address the request came to, which forwarded headers change only when they
 * come from a configured proxy ({@code server.tomcat.remoteip.internal-proxies}).
 */
@Component
public class PublicUrl {

  private final @Nullable String configured;

  PublicUrl(@Value("${registry.public-url:}") String configured) {
    this.configured = configured.isBlank() ? null : configured.replaceAll("/+$", "");
  }

  /** The base with {@code path} below it; the current request's base when none is configured. */
  public UriComponentsBuilder path(String path) {
    var base =
        configured == null
            ? ServletUriComponentsBuilder.fromCurrentContextPath()
            : UriComponentsBuilder.fromUriString(configured);
    return base.path(path);
  }

  /** {@code link} on the base: an address to keep. */
  public String of(Link link) {
    return path("").toUriString() + link;
  }

  /** The current request's own path and query on the base. */
  public UriComponentsBuilder currentRequest() {
    var current = ServletUriComponentsBuilder.fromCurrentRequest();
    if (configured == null) {
      return current;
    }
    var request = current.build();
    var b =
        UriComponentsBuilder.fromUriString(configured)
            .path(java.util.Objects.requireNonNullElse(request.getPath(), ""));
    String query = request.getQuery();
    return query == null ? b : b.query(query);
  }
}
