package no.engagement.registry.deployment;

/** A filter names a code the registry does not know: the screen answers 404, naming it. */
public class UnknownCodeException extends RuntimeException {

  private final String parameter;
  private final String code;

  public UnknownCodeException(String parameter, String code) {
    super(parameter + "=" + code + " is not known");
    this.parameter = parameter;
    this.code = code;
  }

  public String parameter() {
    return parameter;
  }

  public String code() {
    return code;
  }
}
