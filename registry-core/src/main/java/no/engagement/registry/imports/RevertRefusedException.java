package no.engagement.registry.imports;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** A revert that cannot be done, with the reason as a message key of the import messages. */
public class RevertRefusedException extends RuntimeException {

  private final String key;
  private final List<Object> args;

  RevertRefusedException(String key, Object... args) {
    super(key + " " + List.of(args));
    this.key = key;
    this.args = List.of(args);
  }

  /** The reason, in the reader's language. */
  public String reason(Locale locale) {
    var bundle = ResourceBundle.getBundle("no.engagement.registry.imports.messages", locale);
    return new MessageFormat(bundle.getString(key), locale).format(args.toArray());
  }
}
