package no.engagement.registry.imports.web;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.engagement.registry.db.TemporaryFiles;
import no.engagement.registry.imports.ImportContent;
import no.engagement.registry.web.ServiceBusyException;
import org.springframework.stereotype.Component;

/**
 * Uploaded files between preview and commit: kept in a temporary file ({@link TemporaryFiles}),
 * known only to the session that uploaded them, removed on commit, cancel, logout or when the
 * session expires; a killed registry's are removed at the next start. An upload that would take the
 * temporary files past their limit is refused (503) and not kept.
 */
@Component
class PendingImports implements HttpSessionListener {

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

  private final TemporaryFiles temporaryFiles;

  PendingImports(TemporaryFiles temporaryFiles) {
    this.temporaryFiles = temporaryFiles;
  }

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
    Path file = temporaryFiles.create("upload-", ".csv");
    try {
      Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      TemporaryFiles.delete(file);
      throw e;
    }
    if (!temporaryFiles.withinLimit()) {
      TemporaryFiles.delete(file);
      throw new ServiceBusyException("error.no.room");
    }
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
      TemporaryFiles.delete(p.file());
    }
  }

  /** A session that ends (logout, expiry) takes its uploads with it. */
  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    @SuppressWarnings("unchecked")
    var map = (Map<String, Pending>) event.getSession().getAttribute(ATTRIBUTE);
    if (map != null) {
      map.values().forEach(p -> TemporaryFiles.delete(p.file()));
      map.clear();
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
