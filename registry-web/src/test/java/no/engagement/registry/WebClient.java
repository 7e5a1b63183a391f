package no.engagement.registry;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for tests against the running registry: keeps its cookies (the
 * session), never follows redirects, asks for HTML, and reads the CSRF token of a page's form.
 */
public final class WebClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http;
  private final String base;

  public WebClient(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  private WebClient(HttpClient http, String base) {
    this.http = http;
    this.base = base;
  }

  /**
   * The same browser (its cookies) talking to the registry on another port: as a load balancer
   * would send it to another instance.
   */
  public WebClient onPort(int port) {
    return new WebClient(http, "http://localhost:" + port);
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  /** A GET with more headers: name, value, name, value, … (a header given replaces the default). */
  public HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    var request = request(path);
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request.GET().build());
  }

  /** A GET whose body is read as it comes (a download to read in pieces, or to break off). */
  public HttpResponse<java.io.InputStream> stream(String path)
      throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A GET whose body is read as bytes (a download). */
  public HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "text/html");
  }

  /** The CSRF token in the first form of the page at {@code path} (this client's session). */
  public String csrf(String path) throws IOException, InterruptedException {
    var page = get(path);
    var m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("No CSRF token on " + path + " (" + page.statusCode() + ")");
    }
    return m.group(1);
  }

  /** A form POST (application/x-www-form-urlencoded); null values are left out. */
  public HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build());
  }

  /**
   * A multipart form POST, as a browser sends an upload form: the fields (null values left out),
   * then {@code file} as the part named "file", of type text/csv.
   */
  public HttpResponse<String> upload(
      String path, Map<String, String> fields, String fileName, String file)
      throws IOException, InterruptedException {
    String boundary = "----registry-test-boundary";
    var body = new StringBuilder();
    fields.forEach(
        (name, value) -> {
          if (value != null) {
            body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n");
          }
        });
    body.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: text/csv\r\n\r\n")
        .append(file)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  /** Logs in through the login form; the response is the redirect after it. */
  public HttpResponse<String> login(String user, String password)
      throws IOException, InterruptedException {
    var form = new LinkedHashMap<String, String>();
    form.put("username", user);
    form.put("password", password);
    form.put("_csrf", csrf("/login"));
    return post("/login", form);
  }

  public static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
