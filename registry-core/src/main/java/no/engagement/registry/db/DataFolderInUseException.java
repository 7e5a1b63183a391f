package no.engagement.registry.db;

/** Another running registry holds the lock on the data folder. */
public class DataFolderInUseException extends IllegalStateException {

  DataFolderInUseException(String message) {
    super(message);
  }
}
