package no.engagement.registry.imports;

/**
 * A file to import.
 *
 * @param kind the template ("personnel", "missions-un", ...): see the README
 * @param fileName the file's name as uploaded
 * @param content the file, read as a stream (more than once)
 * @param user who imports
 * @param sourceCode the source document that rows without a "source" cell cite, or null
 * @param dryRun validate and report only
 * @param remote where the request came from (for the audit log), or null
 * @param complete the file is the complete year of its source: figures of that source and year it
 *     does not contain are removed (only kinds that name a year of figures); otherwise an import
 *     adds and changes only the rows it names
 */
public record ImportRequest(
    String kind,
    String fileName,
    ImportContent content,
    String user,
    String sourceCode,
    boolean dryRun,
    String remote,
    boolean complete) {

  public ImportRequest(
      String kind,
      String fileName,
      ImportContent content,
      String user,
      String sourceCode,
      boolean dryRun,
      String remote) {
    this(kind, fileName, content, user, sourceCode, dryRun, remote, false);
  }

  public ImportRequest(
      String kind,
      String fileName,
      byte[] content,
      String user,
      String sourceCode,
      boolean dryRun,
      String remote) {
    this(kind, fileName, ImportContent.of(content), user, sourceCode, dryRun, remote, false);
  }

  public ImportRequest(
      String kind,
      String fileName,
      byte[] content,
      String user,
      String sourceCode,
      boolean dryRun) {
    this(kind, fileName, content, user, sourceCode, dryRun, null);
  }
}
