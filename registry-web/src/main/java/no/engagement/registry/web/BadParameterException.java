package no.engagement.registry.web;

/** A query parameter that cannot be read: the page answers 400 and says which and why. */
public class BadParameterException extends RuntimeException {

  private final String parameter;
  private final String value;
  private final String reasonKey;
  private final Object[] args;

  public BadParameterException(String parameter, String value, String reasonKey, Object... args) {
    super(parameter + "=" + value + ": " + reasonKey);
    this.parameter = parameter;
    this.value = value;
    this.reasonKey = reasonKey;
    this.args = args;
  }

  public String parameter() {
    return parameter;
  }

  public String value() {
    return value;
  }

  public String reasonKey() {
    return reasonKey;
  }

  public Object[] args() {
    return args.clone();
  }
}
