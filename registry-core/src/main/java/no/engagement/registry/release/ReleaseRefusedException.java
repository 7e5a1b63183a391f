package no.engagement.registry.release;

/** A release cannot be published; {@link #messageKey()} says why, in the message bundles. */
public class ReleaseRefusedException extends RuntimeException {

  private final String messageKey;
  private final String value;

  ReleaseRefusedException(String messageKey, String value) {
    super(messageKey + ": " + value);
    this.messageKey = messageKey;
    this.value = value;
  }

  public String messageKey() {
    return messageKey;
  }

  public String value() {
    return value;
  }
}
