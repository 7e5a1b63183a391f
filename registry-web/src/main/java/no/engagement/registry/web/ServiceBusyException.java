package no.engagement.registry.web;

/** The registry cannot take this request just now (not the database): a 503 page saying why. */
public class ServiceBusyException extends RuntimeException {

  private final String messageKey;

  public ServiceBusyException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
