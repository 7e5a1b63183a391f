package no.engagement.registry.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * In the tests, the server's sockets buffer little (8 KB instead of the megabytes the kernel would
 * grow them to on the loopback), so a client that reads nothing blocks a download after its first
 * kilobytes, as it does over a real network.
 */
@Component
class SmallSocketBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addConnectorCustomizers(c -> c.setProperty("socket.txBufSize", "8192"));
  }
}
