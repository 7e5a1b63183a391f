package no.engagement.registry.export;

import java.util.Locale;

/**
 * The two CSV dialects the README promises: RFC 4180 (UTF-8, comma, point, CRLF) and the one
 * Norwegian Excel opens as it is (UTF-8 with BOM, semicolon, decimal comma). No "sep=" line in
 * either.
 */
public enum CsvDialect {
  RFC4180(',', '.', false),
  EXCEL_NB(';', ',', true);

  private final char separator;
  private final char decimalMark;
  private final boolean bom;

  CsvDialect(char separator, char decimalMark, boolean bom) {
    this.separator = separator;
    this.decimalMark = decimalMark;
    this.bom = bom;
  }

  public char separator() {
    return separator;
  }

  public char decimalMark() {
    return decimalMark;
  }

  public boolean bom() {
    return bom;
  }

  /** The dialect a {@code ?dialect=} parameter names; null or blank is RFC 4180. */
  public static CsvDialect fromParameter(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("rfc4180")) {
      return RFC4180;
    }
    if (value.toLowerCase(Locale.ROOT).equals("excel-nb")) {
      return EXCEL_NB;
    }
    throw new IllegalArgumentException("dialect must be rfc4180 or excel-nb");
  }
}
