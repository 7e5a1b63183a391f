package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import no.engagement.registry.release.ReleaseService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the open interfaces answer beside their body: ETag and 304, caching (immutable when pinned
 * to a release), CORS, the representation the address names whatever Accept says, and 429 with
 * Retry-After for one address that asks too often while another is served (the test profile allows
 * 50 requests a second, bursts of 100; X-Forwarded-For counts from the loopback in tests).
 */
@RegistryWebTest
class OpenDataTest {

  @LocalServerPort int port;
  @Autowired ReleaseService releases;

  private HttpResponse<String> get(String path, String from, String... headers) throws Exception {
    var all = new java.util.ArrayList<>(java.util.List.of("X-Forwarded-For", from));
    all.addAll(java.util.List.of(headers));
    return new WebClient(port).get(path, all.toArray(String[]::new));
  }

  @Test
  void anUnchangedAnswerIs304ByItsEtag() throws Exception {
    var first = get("/deployments.json?contributor=NOR&group=mission", "192.0.2.10");
    assertThat(first.statusCode()).isEqualTo(200);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    var again =
        get("/deployments.json?contributor=NOR&group=mission", "192.0.2.10", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    var other =
        get("/deployments.json?contributor=SWE&group=mission", "192.0.2.10", "If-None-Match", etag);
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
  }

  @Test
  void liveAnswersAreRevalidatedAndPinnedOnesKeptForAYear() throws Exception {
    var live = get("/missions.json", "192.0.2.11");
    assertThat(live.headers().allValues("Cache-Control"))
        .containsExactly("public, no-cache, must-revalidate");
    String version =
        releases.all().isEmpty()
            ? releases.publish("2095.1", "open data test", "open-data-test", null, null).version()
            : releases.all().getFirst().version();
    var pinned = get("/missions.json?release=" + version, "192.0.2.11");
    assertThat(pinned.statusCode()).isEqualTo(200);
    assertThat(pinned.headers().allValues("Cache-Control"))
        .containsExactly("public, max-age=31536000, immutable");
  }

  @Test
  void anyOriginMayReadAndTheAddressNamesTheRepresentation() throws Exception {
    var response =
        get(
            "/countries.json",
            "192.0.2.12",
            "Origin",
            "https://example.org",
            "Accept",
            "text/html");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(response.body()).startsWith("{\"items\":[");
  }

  @Test
  void anAddressThatAsksTooOftenGets429WhileOthersAreServed() throws Exception {
    int requests = 300;
    var pool = Executors.newFixedThreadPool(8);
    try {
      var tasks = new ArrayList<Callable<HttpResponse<String>>>();
      for (int i = 0; i < requests; i++) {
        tasks.add(() -> get("/search.json?q=nor", "203.0.113.7"));
      }
      var answers = new ArrayList<HttpResponse<String>>();
      for (var f : pool.invokeAll(tasks)) {
        answers.add(f.get());
      }
      var refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
      var served = answers.stream().filter(r -> r.statusCode() == 200).count();
      assertThat(served + refused.size()).isEqualTo(requests);
      // a burst of 100 at least, then 50 a second: most of 300 at once are refused
      assertThat(served).isGreaterThanOrEqualTo(100).isLessThan(requests);
      var one = refused.getFirst();
      assertThat(Integer.parseInt(one.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1, 60);
      assertThat(one.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(one.body()).contains("\"status\":429");
      // another address is served at once, and the screens stay open to the busy one
      assertThat(get("/search.json?q=nor", "203.0.113.8").statusCode()).isEqualTo(200);
      assertThat(get("/search?q=nor", "203.0.113.7").statusCode()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
  }
}
