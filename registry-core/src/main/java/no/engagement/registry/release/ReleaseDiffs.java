package no.engagement.registry.release;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Release diffs, each pair computed once: releases never change, so neither does what changed
 * between two of them. Requests for a pair being compared wait for that one comparison instead of
 * starting their own; a failed comparison is not kept. At most {@value #KEPT} pairs are kept.
 */
@Service
public class ReleaseDiffs {

  static final int KEPT = 64;

  private final ReleaseService releases;
  private final ConcurrentHashMap<String, CompletableFuture<ReleaseDiff>> computed =
      new ConcurrentHashMap<>();

  ReleaseDiffs(ReleaseService releases) {
    this.releases = releases;
  }

  public ReleaseDiff between(Release from, Release to) {
    String key = from.id() + ">" + to.id();
    var mine = new CompletableFuture<ReleaseDiff>();
    var theirs = computed.putIfAbsent(key, mine);
    if (theirs != null) {
      try {
        return theirs.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    if (computed.size() > KEPT) {
      computed.entrySet().removeIf(e -> e.getValue().isDone() && !e.getKey().equals(key));
    }
    try {
      var diff = releases.diff(from, to);
      mine.complete(diff);
      return diff;
    } catch (RuntimeException e) {
      computed.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }
}
