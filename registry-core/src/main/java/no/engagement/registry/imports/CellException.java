package no.engagement.registry.imports;

import java.util.List;

/** A cell that cannot become a value; carries the message key of the reason. */
final class CellException extends Exception {

  final String key;
  final List<Object> args;

  CellException(String key, Object... args) {
    super(key, null, false, false);
    this.key = key;
    this.args = List.of(args);
  }
}
