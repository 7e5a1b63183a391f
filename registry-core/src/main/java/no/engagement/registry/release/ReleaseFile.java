package no.engagement.registry.release;

import org.jspecify.annotations.Nullable;

/**
 * One file of a release, as stored at publication.
 *
 * @param name the file name ("personnel.csv", "personnel.excel-nb.csv", the data package zip)
 * @param dataset the dataset it holds, or null for the data package
 * @param dialect "rfc4180" or "excel-nb" for a CSV, null for the zip
 * @param rows data rows (for the zip: of all its datasets)
 */
public record ReleaseFile(
    String name,
    @Nullable String dataset,
    @Nullable String dialect,
    String mediaType,
    long rows,
    long bytes,
    String sha256,
    int chunks) {}
