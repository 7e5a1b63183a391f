package no.engagement.registry.export;

import java.util.Locale;

/**
 * The two CSV dialects the README promises: RFC 4180 (UTF-8, comma, point, CRLF), text exactly as
 * stored, and the one Norwegian Excel opens as it is (UTF-8 with BOM, semicolon, decimal comma),
 * whose text cells that a spreadsheet would run as a formula get a leading apostrophe. No "sep="
 * line in either.
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

  /**
   * Whether text cells starting with {@code = + - @}, a tab, CR or LF get a leading apostrophe
   * (Excel does not run them as formulas then), and text starting with an apostrophe gets one more:
   * so an import removes exactly one leading apostrophe before one of those characters ({@link
   * #unguard}) and has the text as stored.
   */
  public boolean guardsFormulas() {
    return this == EXCEL_NB;
  }

  /** Whether a text that starts with {@code c} is guarded in a dialect that guards formulas. */
  public static boolean guarded(char c) {
    return "=+-@\t\r\n'".indexOf(c) >= 0;
  }

  /** A guarded cell of a file in this dialect as it was stored: the inverse of the guard. */
  public static String unguard(String text) {
    return text.length() >= 2 && text.charAt(0) == '\'' && guarded(text.charAt(1))
        ? text.substring(1)
        : text;
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
