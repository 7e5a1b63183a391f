package no.engagement.registry.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Test only: a route that fails with a message that must never reach the page. */
@Controller
class FailingController {

  static final String SECRET = "select password_hash from account -- internal detail";

  @GetMapping("/test/fail")
  String fail() {
    throw new IllegalStateException(SECRET);
  }

  /**
   * A download whose database connection is lost midway: the first rows are sent (the response is
   * committed), then the query fails as a lost connection does.
   */
  @GetMapping("/test/broken-download.csv")
  void brokenDownload(jakarta.servlet.http.HttpServletResponse response) throws Exception {
    response.setContentType("text/csv; charset=UTF-8");
    var out = response.getOutputStream();
    out.write("name,count\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (int i = 0; i < 2_000; i++) {
      out.write(("row " + i + "," + i + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    out.flush();
    throw new org.springframework.dao.DataAccessResourceFailureException(
        "An I/O error occurred while sending to the backend",
        new java.sql.SQLException("connection lost", "08006"));
  }
}
