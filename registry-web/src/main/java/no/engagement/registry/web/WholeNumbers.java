package no.engagement.registry.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Whole numbers as every screen writes them, in both languages: grouped by thousands with a space,
 * rounded half to even, no decimals ({@code 1 234}). Templates call it as {@code ${@num.whole(x)}}.
 * Thymeleaf's {@code #numbers.formatDecimal} builds a new formatter for every number (3 % of the
 * deployments screen's time under load, scripts/bench); here each thread keeps one.
 */
@Component("num")
public class WholeNumbers {

  private static final ThreadLocal<DecimalFormat> FORMAT =
      ThreadLocal.withInitial(
          () -> {
            var symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
            symbols.setGroupingSeparator(' ');
            return new DecimalFormat("#,##0", symbols);
          });

  /** The number grouped and rounded; empty for null. */
  public String whole(Number n) {
    return n == null ? "" : FORMAT.get().format(n);
  }
}
