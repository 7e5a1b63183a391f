package no.engagement.registry.web;

/** A path names something the registry does not hold: a 404 page naming it. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what);
  }
}
