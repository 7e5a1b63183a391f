package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The screens take their requests in turns; files and other paths are never held back. */
class ScreenAdmissionTest {

  /** A chain that says when a request entered it and holds it until released. */
  private static final class Held {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    FilterChain chain() {
      return (req, res) -> {
        entered.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
    }
  }

  private static CompletableFuture<MockHttpServletResponse> get(
      ScreenAdmission filter, String path, FilterChain chain) {
    return CompletableFuture.supplyAsync(
        () -> {
          var response = new MockHttpServletResponse();
          try {
            filter.doFilter(new MockHttpServletRequest("GET", path), response, chain);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return response;
        },
        task -> Thread.ofPlatform().start(task)); // each request on its own thread, as in Tomcat
  }

  @Test
  void aRequestWaitsForAFreeSlotAndThenRuns() throws Exception {
    var filter = new ScreenAdmission(1, Duration.ofSeconds(10));
    var first = new Held();
    var second = new Held();
    var a = get(filter, "/deployments", first.chain());
    assertThat(first.entered.await(5, TimeUnit.SECONDS)).isTrue();
    var b = get(filter, "/missions/UNMISS", second.chain());
    assertThat(second.entered.await(300, TimeUnit.MILLISECONDS))
        .as("the second screen waits while the only slot is taken")
        .isFalse();
    first.release.countDown();
    assertThat(second.entered.await(5, TimeUnit.SECONDS)).isTrue();
    second.release.countDown();
    assertThat(a.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(b.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
  }

  @Test
  void aRequestThatWaitsTooLongGetsA503AndNeverRuns() throws Exception {
    var filter = new ScreenAdmission(1, Duration.ofMillis(200));
    var first = new Held();
    var a = get(filter, "/deployments", first.chain());
    assertThat(first.entered.await(5, TimeUnit.SECONDS)).isTrue();
    var second = new Held();
    var late = get(filter, "/deployments", second.chain()).get(5, TimeUnit.SECONDS);
    assertThat(late.getStatus()).isEqualTo(503);
    assertThat(late.getHeader("Retry-After")).isEqualTo("10");
    assertThat(second.entered.getCount()).as("never ran").isEqualTo(1);
    first.release.countDown();
    assertThat(a.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
  }

  @Test
  void filesAndOtherPathsPassWhileEverySlotIsTaken() throws Exception {
    var filter = new ScreenAdmission(1, Duration.ofMillis(200));
    var first = new Held();
    var a = get(filter, "/deployments", first.chain());
    assertThat(first.entered.await(5, TimeUnit.SECONDS)).isTrue();
    for (String path :
        new String[] {"/deployments.csv", "/missions/UNMISS.csv", "/downloads", "/css/x.css"}) {
      var other = new Held();
      other.release.countDown();
      var r = get(filter, path, other.chain()).get(5, TimeUnit.SECONDS);
      assertThat(other.entered.getCount()).as(path).isZero();
      assertThat(r.getStatus()).as(path).isEqualTo(200);
    }
    first.release.countDown();
    a.get(5, TimeUnit.SECONDS);
  }
}
