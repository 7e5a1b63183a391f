package no.engagement.registry.imports.web;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.engagement.registry.imports.ImportContent;
import org.springframework.stereotype.Component;

/**
 * Uploaded files between preview and commit: kept in a temporary file, known only to the session
 * that uploaded them, removed on commit, cancel or when the session ends.
 */
@Component
class PendingImports {

  /**
   * An uploaded file waiting for commit or cancel.
   *
   * @param complete whether the file was declared the complete year of its source
   */
  record Pending(
      String token, String kind, String fileName, String source, boolean complete, Path file) {
    ImportContent content() {
      return ImportContent.of(file);
    }
  }

  private static final String ATTRIBUTE = PendingImports.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  Pending add(
      HttpSession session,
      String kind,
      String fileName,
      String source,
      boolean complete,
      InputStream content)
      throws IOException {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Path file = Files.createTempFile("registry-import-", ".csv");
    Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
    file.toFile().deleteOnExit();
    var pending = new Pending(token, kind, fileName, source, complete, file);
    all(session).put(token, pending);
    return pending;
  }

  Pending get(HttpSession session, String token) {
    return token == null ? null : all(session).get(token);
  }

  void remove(HttpSession session, String token) {
    var p = all(session).remove(token);
    if (p != null) {
      try {
        Files.deleteIfExists(p.file());
      } catch (IOException e) {
        // a temporary file; deleteOnExit removes it at the latest
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Pending> all(HttpSession session) {
    synchronized (session) {
      var map = (Map<String, Pending>) session.getAttribute(ATTRIBUTE);
      if (map == null) {
        map = new ConcurrentHashMap<>();
        session.setAttribute(ATTRIBUTE, map);
      }
      return map;
    }
  }
}
