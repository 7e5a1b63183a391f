package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Links built from a request: the expected addresses are written out by hand. */
class LinkTest {

  private static MockHttpServletRequest request() {
    var r = new MockHttpServletRequest("GET", "/deployments");
    r.addParameter("contributor", "NOR", "SWE");
    r.addParameter("mission", "UNOSOM II");
    r.addParameter("from", "2015");
    r.addParameter("lang", "en");
    r.addParameter("after", "");
    return r;
  }

  @Test
  void theRequestsParametersInOrderEncodedOnceBlankOnesLeftOut() {
    assertThat(Link.of(request(), "/deployments").toString())
        .isEqualTo(
            "/deployments?contributor=NOR&contributor=SWE&mission=UNOSOM+II&from=2015&lang=en");
  }

  @Test
  void parametersLeftOutAndAddedAfterTheOthers() {
    var link = Link.of(request(), "/deployments").without("lang", "from", "contributor");
    assertThat(link.toString()).isEqualTo("/deployments?mission=UNOSOM+II");
    assertThat(link.with("contributor", "NOR").with("group", "none").toString())
        .isEqualTo("/deployments?mission=UNOSOM+II&contributor=NOR&group=none");
    assertThat(link.with("q", "a&b=c/æ").query())
        .isEqualTo("mission=UNOSOM+II&q=a%26b%3Dc%2F%C3%A6");
    assertThat(link.at("/deployments.csv").toString())
        .isEqualTo("/deployments.csv?mission=UNOSOM+II");
  }

  @Test
  void anOpenLinkEndsInAQuestionMarkOrAnAmpersand() {
    assertThat(Link.to("/deployments").open()).isEqualTo("/deployments?");
    assertThat(Link.to("/deployments").with("basis", "snapshot").open())
        .isEqualTo("/deployments?basis=snapshot&");
    assertThat(Link.to("/deployments").toString()).isEqualTo("/deployments");
    assertThat(Link.to("/deployments").query()).isEmpty();
  }

  @Test
  void pathsOfSubjectsDatasetsAndReleasesEncodeTheirSegments() {
    assertThat(Link.subject("/missions", "UNOSOM II", ".atom").toString())
        .isEqualTo("/missions/UNOSOM%20II.atom");
    assertThat(Link.subject("/countries", "NOR", "").toString()).isEqualTo("/countries/NOR");
    assertThat(Link.dataset("personnel").with("dialect", "excel-nb").toString())
        .isEqualTo("/downloads/personnel.csv?dialect=excel-nb");
    assertThat(Link.dataPackage().toString()).isEqualTo("/downloads/engagement-registry.zip");
    assertThat(Link.release("2026.1").toString()).isEqualTo("/releases/2026.1");
    assertThat(Link.releaseDiff("2026.2").with("from", "2026.1").toString())
        .isEqualTo("/releases/2026.2/diff?from=2026.1");
    assertThat(Link.releaseFile("2026.1", "personnel.csv").toString())
        .isEqualTo("/releases/2026.1/files/personnel.csv");
  }
}
