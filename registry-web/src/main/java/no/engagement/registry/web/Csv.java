package no.engagement.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.engagement.registry.export.CsvDialect;
import no.engagement.registry.export.CsvWriter;

/** Opens the CSV download of a screen: the dialect from {@code ?dialect=}, the file name. */
public final class Csv {

  private Csv() {}

  public static CsvDialect dialect(HttpServletRequest request) {
    String value = request.getParameter("dialect");
    try {
      return CsvDialect.fromParameter(value);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("dialect", value, "param.not.allowed", "rfc4180, excel-nb");
    }
  }

  public static CsvWriter open(HttpServletResponse response, CsvDialect dialect, String fileName)
      throws IOException {
    attachment(response, fileName);
    return new CsvWriter(response.getOutputStream(), dialect);
  }

  /** Marks the response as the CSV file {@code fileName}, to download. */
  public static void attachment(HttpServletResponse response, String fileName) {
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
  }
}
