package no.engagement.registry.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one file, in the order found: the first {@link #LIMIT} are kept, the rest only
 * counted, so a file that is wrong in every one of a million rows cannot fill the heap.
 */
final class Problems {

  static final int LIMIT = 10_000;

  private final List<Problem> kept = new ArrayList<>();
  private long more;

  void add(Problem p) {
    if (kept.size() < LIMIT) {
      kept.add(p);
    } else {
      more++;
    }
  }

  void addAll(List<Problem> problems) {
    problems.forEach(this::add);
  }

  boolean isEmpty() {
    return kept.isEmpty();
  }

  /** Whether a problem concerns the file as a whole (no row): reading the rows is pointless. */
  boolean aboutTheFile() {
    return kept.stream().anyMatch(p -> p.row() == 0);
  }

  /** The kept problems, and one saying how many more there are. */
  List<Problem> list() {
    if (more == 0) {
      return List.copyOf(kept);
    }
    var out = new ArrayList<>(kept);
    out.add(Problem.file("problems.more", more));
    return List.copyOf(out);
  }
}
