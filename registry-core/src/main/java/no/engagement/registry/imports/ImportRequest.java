package no.engagement.registry.imports;

/**
 * A file to import.
 *
 * @param kind the template ("personnel", "missions-un", ...): see the README
 * @param fileName the file's name as uploaded
 * @param content the file's bytes
 * @param user who imports
 * @param sourceCode the source document that rows without a "source" cell cite, or null
 * @param dryRun validate and report only
 */
public record ImportRequest(
    String kind, String fileName, byte[] content, String user, String sourceCode, boolean dryRun) {}
