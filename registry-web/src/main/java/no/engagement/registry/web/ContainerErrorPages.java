package no.engagement.registry.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors that Tomcat answers itself, before any of the registry's code runs (a malformed URL, a
 * header too large, a request line it cannot read), get the registry's error page too: in both
 * languages, with the same security headers as every page, never Tomcat's own English page with its
 * server name. The texts are the error page's own (messages.properties).
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(Valve.class.getName());
          }
        });
  }

  /** Tomcat's error report, replaced (Tomcat makes it by its class name). */
  public static class Valve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0) {
        return;
      }
      var ioAllowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      try {
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
            "Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        Writer out = response.getReporter();
        if (out != null) {
          out.write(page(status));
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone, or the response cannot take a body: nothing more to do
      }
    }

    static String page(int status) {
      var en = ResourceBundle.getBundle("messages", Locale.ROOT);
      var nb = ResourceBundle.getBundle("messages", Locale.forLanguageTag("nb"));
      String key = status == 404 ? "error.404" : status >= 500 ? "error.5xx" : "error.4xx";
      return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          + "<link rel=\"stylesheet\" href=\"/css/registry.css\">"
          + "<title>Engagement Registry: "
          + status
          + "</title></head><body>\n<main id=\"main\">\n<h1>"
          + text(en, "error.title")
          + " ("
          + status
          + ")</h1>\n<p>"
          + text(en, key)
          + "</p>\n<h2 lang=\"nb\">"
          + text(nb, "error.title")
          + " ("
          + status
          + ")</h2>\n<p lang=\"nb\">"
          + text(nb, key)
          + "</p>\n<p><a href=\"/\">"
          + text(en, "error.home")
          + "</a> · <a href=\"/?lang=nb\" lang=\"nb\">"
          + text(nb, "error.home")
          + "</a></p>\n</main>\n</body></html>\n";
    }

    private static String text(ResourceBundle bundle, String key) {
      return HtmlUtils.htmlEscape(bundle.getString(key));
    }
  }
}
