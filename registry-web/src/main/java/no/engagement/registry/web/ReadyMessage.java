package no.engagement.registry.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the registry where to point the browser. */
@Component
class ReadyMessage {

  private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null) {
      int port = web.getWebServer().getPort();
      log.info("The Engagement Registry is ready: http://localhost:{}/", port);
      log.info(
          "Staff log in at http://localhost:{}/login (first start: user 'admin', with"
              + " REGISTRY_ADMIN_PASSWORD or the password printed above)",
          port);
    }
  }
}
