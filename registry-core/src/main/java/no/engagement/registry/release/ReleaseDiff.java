package no.engagement.registry.release;

import java.util.List;

/**
 * What changed from one release to another, per dataset, by the dataset's natural key: rows added,
 * changed (same key, other values) and removed, with the first few of each as examples.
 */
public record ReleaseDiff(Release from, Release to, List<DatasetChanges> datasets) {

  public record DatasetChanges(
      String name,
      long added,
      long changed,
      long removed,
      List<String> addedExamples,
      List<String> changedExamples,
      List<String> removedExamples) {
    public boolean same() {
      return added == 0 && changed == 0 && removed == 0;
    }
  }
}
