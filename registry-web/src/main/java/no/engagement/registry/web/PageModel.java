package no.engagement.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every page's model gets besides what its controller puts there (the header's user, the
 * release pin, the kept header): added after the handler, to a page it returns for rendering, not
 * to a redirect (whose model would become its query string) nor to a body the handler wrote itself
 * (a download). As {@code @ModelAttribute} methods of a {@code @ControllerAdvice} they cost 5 % of
 * the deployment screen's CPU: Spring MVC looks them up and calls each through reflection on every
 * request (docs/adr/0020). Each subclass is a bean that registers itself.
 */
public abstract class PageModel implements HandlerInterceptor, WebMvcConfigurer {

  /** Adds this page's attributes; an attribute the controller has set is kept. */
  protected abstract void addTo(
      Map<String, Object> model, HttpServletRequest request, HttpServletResponse response);

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public final void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable ModelAndView page) {
    if (page == null || !page.hasView() || page.getView() instanceof RedirectView) {
      return;
    }
    if (page.getViewName() != null && page.getViewName().startsWith("redirect:")) {
      return;
    }
    addTo(page.getModel(), request, response);
  }
}
