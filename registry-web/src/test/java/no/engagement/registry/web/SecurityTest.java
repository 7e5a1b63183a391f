package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.TestAccounts;
import no.engagement.registry.WebClient;
import no.engagement.registry.account.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Roles, CSRF, headers, error pages and the audit log, against the running registry over HTTP
 * (RANDOM_PORT): every state change is checked on the server, whatever a page shows.
 */
@RegistryWebTest
class SecurityTest {

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate sql;

  @BeforeEach
  void users() {
    TestAccounts.ensure(accounts);
  }

  private WebClient as(String role) throws Exception {
    var client = new WebClient(port);
    switch (role) {
      case "admin" -> loggedIn(client, TestAccounts.ADMIN);
      case "editor" -> loggedIn(client, TestAccounts.EDITOR);
      default -> {}
    }
    return client;
  }

  private static void loggedIn(WebClient client, String user) throws Exception {
    var r = client.login(user, TestAccounts.PASSWORD);
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
  }

  /** One route: method, path, form, and the status expected for anonymous, editor and admin. */
  record Route(String method, String path, Map<String, String> form, int[] expected) {}

  private static final int LOGIN = 1; // a redirect to the login page

  private static List<Route> routes() {
    List<Route> r = new ArrayList<>();
    for (String path :
        List.of(
            "/",
            "/deployments",
            "/deployments.csv?group=mission",
            "/missions",
            "/missions/UNTSO",
            "/countries/NOR",
            "/peace-processes/colombia-farc-ep",
            "/funding",
            "/sources/1",
            "/discrepancies",
            "/search?q=nor",
            "/login")) {
      r.add(new Route("GET", path, null, new int[] {200, 200, 200}));
    }
    r.add(new Route("GET", "/admin/users", null, new int[] {LOGIN, 403, 200}));
    r.add(new Route("GET", "/admin/audit", null, new int[] {LOGIN, 403, 200}));
    r.add(
        new Route(
            "POST",
            "/admin/users",
            Map.of("username", "{new}", "role", "editor", "password", "a-long-password-1"),
            new int[] {LOGIN, 403, 302}));
    r.add(
        new Route(
            "POST",
            "/admin/users/" + TestAccounts.EDITOR + "/role",
            Map.of("role", "editor"),
            new int[] {LOGIN, 403, 302}));
    r.add(
        new Route(
            "POST",
            "/admin/users/" + TestAccounts.EDITOR + "/enabled",
            Map.of("enabled", "true"),
            new int[] {LOGIN, 403, 302}));
    r.add(new Route("POST", "/admin/users/nobody/password", Map.of(), new int[] {LOGIN, 403, 302}));
    r.add(new Route("POST", "/deployments", Map.of(), new int[] {LOGIN, 403, 403}));
    r.add(new Route("POST", "/sources/1", Map.of(), new int[] {LOGIN, 403, 403}));
    r.add(new Route("PUT", "/missions/UNTSO", Map.of(), new int[] {LOGIN, 403, 403}));
    r.add(new Route("DELETE", "/countries/NOR", Map.of(), new int[] {LOGIN, 403, 403}));
    return r;
  }

  @Test
  void everyRouteAnswersEachRoleAsExpected() throws Exception {
    String[] roles = {"anonymous", "editor", "admin"};
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (int i = 0; i < roles.length; i++) {
      var client = as(roles[i]);
      String token = client.csrf("/login");
      for (var route : routes()) {
        var b = client.request(route.path()).header("X-CSRF-TOKEN", token);
        if (route.form() == null) {
          b.GET();
        } else {
          var form = new LinkedHashMap<>(route.form());
          form.replaceAll(
              (k, v) ->
                  v.equals("{new}") ? "u-" + UUID.randomUUID().toString().substring(0, 8) : v);
          b.header("Content-Type", "application/x-www-form-urlencoded")
              .method(route.method(), HttpRequest.BodyPublishers.ofString(WebClient.encode(form)));
        }
        var response = client.send(b.build());
        int expected = route.expected()[i];
        boolean ok =
            expected == LOGIN
                ? response.statusCode() == 302
                    && response.headers().firstValue("Location").orElse("").endsWith("/login")
                : response.statusCode() == expected;
        if (!ok) {
          wrong.add(
              roles[i]
                  + " "
                  + route.method()
                  + " "
                  + route.path()
                  + ": "
                  + response.statusCode()
                  + " "
                  + response.headers().firstValue("Location").orElse("")
                  + ", expected "
                  + (expected == LOGIN ? "redirect to /login" : expected));
        }
        checked++;
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isEqualTo(3 * routes().size());
  }

  @Test
  void everyStateChangeWithoutOrWithAWrongCsrfTokenIs403() throws Exception {
    var admin = as("admin");
    var forms =
        Map.of(
            "/admin/users",
            Map.of("username", "csrf-victim", "role", "admin", "password", "a-long-password-1"),
            "/admin/users/" + TestAccounts.EDITOR + "/role",
            Map.of("role", "admin"),
            "/admin/users/" + TestAccounts.EDITOR + "/enabled",
            Map.of("enabled", "false"),
            "/admin/users/" + TestAccounts.EDITOR + "/password",
            Map.<String, String>of(),
            "/logout",
            Map.<String, String>of(),
            "/login",
            Map.of("username", TestAccounts.ADMIN, "password", TestAccounts.PASSWORD));
    for (var e : forms.entrySet()) {
      assertThat(admin.post(e.getKey(), e.getValue()).statusCode())
          .as("no token: " + e.getKey())
          .isEqualTo(403);
      var withWrong = new LinkedHashMap<>(e.getValue());
      withWrong.put("_csrf", "not-the-token");
      assertThat(admin.post(e.getKey(), withWrong).statusCode())
          .as("wrong token: " + e.getKey())
          .isEqualTo(403);
    }
    // nothing changed: no user was added, the editor is still an enabled editor, still logged in
    assertThat(accounts.find("csrf-victim")).isEmpty();
    var editor = accounts.find(TestAccounts.EDITOR).orElseThrow();
    assertThat(editor.role()).isEqualTo("editor");
    assertThat(editor.enabled()).isTrue();
    assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
  }

  @Test
  void aMultipartStateChangeNeedsTheCsrfTokenToo() throws Exception {
    var admin = as("admin");
    String token = admin.csrf("/admin/users");
    String name = "multi-" + UUID.randomUUID().toString().substring(0, 6);
    var without = admin.send(multipart(admin, name, null));
    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(accounts.find(name)).isEmpty();
    var with = admin.send(multipart(admin, name, token));
    assertThat(with.statusCode()).isEqualTo(302);
    assertThat(accounts.find(name)).isPresent();
  }

  private static HttpRequest multipart(WebClient client, String username, String token) {
    String boundary = "----registry" + UUID.randomUUID();
    var fields = new LinkedHashMap<String, String>();
    fields.put("username", username);
    fields.put("role", "editor");
    fields.put("password", "a-long-password-1");
    if (token != null) {
      fields.put("_csrf", token);
    }
    var body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return client
        .request("/admin/users")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  @Test
  void everyPageTypeHasTheSecurityHeaders() throws Exception {
    var admin = as("admin");
    var editor = as("editor");
    List<HttpResponse<String>> pages = new ArrayList<>();
    pages.add(admin.get("/"));
    pages.add(admin.get("/deployments.csv"));
    pages.add(admin.get("/admin/users"));
    pages.add(admin.get("/missions/NOPE"));
    pages.add(admin.get("/deployments?from=abc"));
    pages.add(editor.get("/admin/users"));
    pages.add(new WebClient(port).get("/login"));
    pages.add(admin.get("/test/fail"));
    pages.add(admin.send(tooLarge(admin)));
    assertThat(pages)
        .extracting(HttpResponse::statusCode)
        .containsExactly(200, 200, 200, 404, 400, 403, 200, 500, 413);
    for (var page : pages) {
      var h = page.headers();
      String where = page.request().uri() + " (" + page.statusCode() + ")";
      assertThat(h.firstValue("Content-Security-Policy").orElse(""))
          .as(where)
          .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(h.firstValue("X-Content-Type-Options")).as(where).contains("nosniff");
      assertThat(h.firstValue("Referrer-Policy")).as(where).isPresent();
      assertThat(h.firstValue("X-Frame-Options")).as(where).contains("DENY");
    }
  }

  private HttpRequest tooLarge(WebClient client) {
    byte[] body = new byte[6 * 1024 * 1024];
    return client
        .request("/imports")
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  @Test
  void errorPagesSayWhatHappenedInBothLanguagesAndLeakNothing() throws Exception {
    var admin = as("admin");
    var editor = as("editor");
    for (String lang : List.of("nb", "en")) {
      admin.get("/?lang=" + lang);
      editor.get("/?lang=" + lang);
      var pages =
          List.of(
              admin.get("/deployments?from=abc"),
              editor.get("/admin/users"),
              admin.get("/missions/NOPE"),
              admin.send(tooLarge(admin)),
              admin.get("/test/fail"));
      assertThat(pages)
          .extracting(HttpResponse::statusCode)
          .containsExactly(400, 403, 404, 413, 500);
      for (var page : pages) {
        String body = page.body();
        assertThat(body)
            .as(page.request().uri().toString())
            .contains("<html lang=\"" + lang + "\"")
            .contains("(" + page.statusCode() + ")")
            .doesNotContain(
                "Exception",
                "at no.",
                "at org.",
                "password_hash",
                "select ",
                "SQL",
                "Whitelabel",
                "Tomcat");
      }
      assertThat(pages.get(3).body())
          .contains("en".equals(lang) ? "The limit is 5 MB" : "Grensen er 5 MB");
      assertThat(pages.get(1).body())
          .contains("en".equals(lang) ? "You may not do this" : "Du har ikke lov");
    }
  }

  @Test
  void loginsFailuresLogoutsAndUserChangesAreAudited() throws Exception {
    String user = "audit-" + UUID.randomUUID().toString().substring(0, 6);
    var admin = as("admin");
    var form = new LinkedHashMap<String, String>();
    form.put("username", user);
    form.put("role", "editor");
    form.put("password", "a-long-password-1");
    form.put("_csrf", admin.csrf("/admin/users"));
    assertThat(admin.post("/admin/users", form).statusCode()).isEqualTo(302);
    assertThat(
            admin
                .post(
                    "/admin/users/" + user + "/role",
                    Map.of("role", "admin", "_csrf", admin.csrf("/admin/users")))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            admin
                .post(
                    "/admin/users/" + user + "/password",
                    Map.of("_csrf", admin.csrf("/admin/users")))
                .statusCode())
        .isEqualTo(302);
    var reset = admin.get("/admin/users");
    assertThat(reset.body()).contains("<code>"); // the new password, shown once
    String newPassword = reset.body().replaceAll("(?s).*<code>([^<]+)</code>.*", "$1");
    assertThat(admin.get("/admin/users").body()).doesNotContain(newPassword);

    var someone = new WebClient(port);
    assertThat(someone.login(user, "wrong-password").headers().firstValue("Location").orElse(""))
        .endsWith("/login?error");
    assertThat(someone.login(user, "a-long-password-1").headers().firstValue("Location").orElse(""))
        .endsWith("/login?error");
    assertThat(someone.login(user, newPassword).headers().firstValue("Location").orElse(""))
        .doesNotContain("error");
    assertThat(someone.post("/logout", Map.of("_csrf", someone.csrf("/"))).statusCode())
        .isEqualTo(302);
    assertThat(
            admin
                .post(
                    "/admin/users/" + user + "/enabled",
                    Map.of("enabled", "false", "_csrf", admin.csrf("/admin/users")))
                .statusCode())
        .isEqualTo(302);

    var about =
        sql.queryForList(
            "select action from audit_event where subject = ? or actor = ? order by id",
            String.class,
            user,
            user);
    assertThat(about)
        .containsExactly(
            "user.created",
            "user.role",
            "user.password_reset",
            "login.failed",
            "login.failed",
            "login",
            "logout",
            "user.disabled");
    var created =
        sql.queryForMap(
            "select actor, remote, at from audit_event where subject = ? and action = 'user.created'",
            user);
    assertThat(created.get("actor")).isEqualTo(TestAccounts.ADMIN);
    assertThat((String) created.get("remote")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(admin.get("/admin/audit").body()).contains(user, "user.disabled", "login.failed");
    // the disabled user cannot log in any more
    assertThat(
            new WebClient(port)
                .login(user, newPassword)
                .headers()
                .firstValue("Location")
                .orElse(""))
        .endsWith("/login?error");
  }

  @Test
  void aNewSessionIdOnLoginAndSessionCookiesAreHttpOnlyAndSameSite() throws Exception {
    var client = new WebClient(port);
    var before = client.get("/login").headers().allValues("Set-Cookie");
    String token = client.csrf("/login");
    var login =
        client.post(
            "/login",
            Map.of(
                "username", TestAccounts.ADMIN, "password", TestAccounts.PASSWORD, "_csrf", token));
    var after = login.headers().allValues("Set-Cookie");
    assertThat(before)
        .anySatisfy(
            c ->
                assertThat(c).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
    assertThat(after).anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("HttpOnly"));
    String id1 =
        before.stream()
            .filter(c -> c.startsWith("SESSION="))
            .findFirst()
            .orElseThrow()
            .split(";")[0];
    String id2 =
        after.stream()
            .filter(c -> c.startsWith("SESSION="))
            .findFirst()
            .orElseThrow()
            .split(";")[0];
    assertThat(id2).isNotEqualTo(id1);
  }
}
