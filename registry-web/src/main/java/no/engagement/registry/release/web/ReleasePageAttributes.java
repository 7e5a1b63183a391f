package no.engagement.registry.release.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import no.engagement.registry.release.Citation;
import no.engagement.registry.release.Release;
import no.engagement.registry.web.NotFoundException;
import no.engagement.registry.web.PageModel;
import no.engagement.registry.web.PublicUrl;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * What a page pinned to a release shows in its header: the release, a link to the current data, and
 * a citation of the pinned URL. A version that names no release is the 404 page, before the handler
 * runs (a page or a download alike).
 */
@Component
class ReleasePageAttributes extends PageModel {

  /** A pinned page: the release, the unpinned URL, and the citation of this view. */
  record Pin(Release release, String liveUrl, Citation citation) {}

  private final PublicUrl publicUrl;

  ReleasePageAttributes(PublicUrl publicUrl) {
    this.publicUrl = publicUrl;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod
        && request.getAttribute(ReleasePinFilter.UNKNOWN) instanceof String version) {
      throw new NotFoundException("release " + version);
    }
    return true;
  }

  @Override
  protected void addTo(
      Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) {
    model.putIfAbsent("pin", pin(request));
  }

  private Pin pin(HttpServletRequest request) {
    if (!(request.getAttribute(ReleasePinFilter.PINNED) instanceof Release release)) {
      return null;
    }
    String url = publicUrl.currentRequest().replaceQueryParam("lang").build().toUriString();
    return new Pin(
        release,
        (String) request.getAttribute(ReleasePinFilter.LIVE_URL),
        Citation.of(release, url));
  }
}
