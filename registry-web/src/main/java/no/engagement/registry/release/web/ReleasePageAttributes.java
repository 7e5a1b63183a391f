package no.engagement.registry.release.web;

import jakarta.servlet.http.HttpServletRequest;
import no.engagement.registry.release.Citation;
import no.engagement.registry.release.Release;
import no.engagement.registry.web.NotFoundException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What a page pinned to a release shows in its header: the release, a link to the current data, and
 * a citation of the pinned URL. A version that names no release is the 404 page.
 */
@ControllerAdvice
class ReleasePageAttributes {

  /** A pinned page: the release, the unpinned URL, and the citation of this view. */
  record Pin(Release release, String liveUrl, Citation citation) {}

  @ModelAttribute("pin")
  Pin pin(HttpServletRequest request) {
    if (request.getAttribute(ReleasePinFilter.UNKNOWN) instanceof String version) {
      throw new NotFoundException("release " + version);
    }
    if (!(request.getAttribute(ReleasePinFilter.PINNED) instanceof Release release)) {
      return null;
    }
    String url =
        ServletUriComponentsBuilder.fromCurrentRequest()
            .replaceQueryParam("lang")
            .build()
            .toUriString();
    return new Pin(
        release,
        (String) request.getAttribute(ReleasePinFilter.LIVE_URL),
        Citation.of(release, url));
  }
}
