package inkwell.cli;

import inkwell.post.Slugs;
import inkwell.storage.Sequencer;
import inkwell.storage.SourceCatalog;
import inkwell.storage.SourceRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./inkwell publish}: uploads what changed, deletes what is gone (only when asked), and
 * reports each post's outcome as the publish function records it.
 *
 * <p>A file changed when its MD5 differs from the ETag of the object under its key (S3's ETag of a
 * single-part upload, SSE-S3 included, is the MD5 of the bytes), so an unchanged folder uploads
 * nothing and waits for nothing.
 */
final class Publisher {

  /** What a run did, counted by outcome, and its exit status. */
  record Result(Map<Outcome.Kind, Integer> counts, int unchanged, int notInFolder) {

    int exitCode() {
      for (Map.Entry<Outcome.Kind, Integer> entry : counts.entrySet()) {
        if (entry.getKey().failure() && entry.getValue() > 0) {
          return ExitCode.NOT_PUBLISHED;
        }
      }
      return ExitCode.OK;
    }

    String summary() {
      List<String> parts = new ArrayList<>();
      counts.forEach((kind, count) -> parts.add(count + " " + kind.label()));
      parts.add(unchanged + " unchanged");
      if (notInFolder > 0) {
        parts.add(
            notInFolder + " in the bucket but not in the folder (kept; --delete removes them)");
      }
      return String.join(", ", parts);
    }
  }

  private final Bucket bucket;
  private final SourceCatalog catalog;
  private final OutcomeWatcher watcher;
  private final Target target;
  private final UploadHook hook;
  private final Progress progress;

  Publisher(
      Bucket bucket,
      SourceCatalog catalog,
      OutcomeWatcher watcher,
      Target target,
      UploadHook hook,
      Progress progress) {
    this.bucket = bucket;
    this.catalog = catalog;
    this.watcher = watcher;
    this.target = target;
    this.hook = hook;
    this.progress = progress;
  }

  /**
   * Uploads what changed ({@code all}: every post and page, changed or not), deletes what is gone
   * when {@code delete}, and waits for each post's outcome.
   */
  Result publish(Path folder, boolean delete, boolean all, Duration timeout) {
    LocalFolder.Contents local =
        LocalFolder.read(folder, target.postsPrefix(), target.pagesPrefix(), target.mediaPrefix());
    Map<Outcome.Kind, Integer> counts = new EnumMap<>(Outcome.Kind.class);
    for (String skipped : local.skipped()) {
      int colon = skipped.indexOf(": ");
      report(
          counts,
          new Outcome(Outcome.Kind.SKIPPED, skipped.substring(0, colon), skipped.substring(colon)));
    }
    Map<String, String> remote = bucket.eTags(target.postsPrefix());
    if (local.hasPages()) {
      remote.putAll(bucket.eTags(target.pagesPrefix()));
    }
    if (local.hasMedia()) {
      remote.putAll(bucket.eTags(target.mediaPrefix()));
    }

    List<LocalFile> changed = new ArrayList<>();
    Set<String> localKeys = new HashSet<>();
    for (LocalFile file : local.files()) {
      localKeys.add(file.key());
      if ((all && file.isPost()) || !file.md5().equals(remote.get(file.key()))) {
        changed.add(file);
      }
    }
    List<String> gone =
        remote.keySet().stream().filter(key -> !localKeys.contains(key)).sorted().toList();
    List<String> postKeys = new ArrayList<>();
    changed.stream().filter(LocalFile::isPost).forEach(f -> postKeys.add(f.key()));
    if (delete) {
      gone.stream().filter(this::isPost).forEach(postKeys::add);
    }
    Map<String, SourceRecord> before = postKeys.isEmpty() ? Map.of() : catalog.find(postKeys);

    List<Pending> pending = new ArrayList<>();
    int writes = changed.size() + (delete ? gone.size() : 0);
    int written = 0;
    long started = System.nanoTime();
    for (LocalFile file : changed) {
      progress.show(written++, writes, "uploading", (System.nanoTime() - started) / 1e9);
      Bucket.Written put = bucket.put(file.key(), file.bytes(), file.contentType());
      hook.written(target.bucket(), file.key(), put.versionId(), false);
      if (file.isPost()) {
        pending.add(
            new Pending(
                file.key(),
                false,
                file.contentHash(),
                put.versionId(),
                latest(before, file.key())));
      } else {
        report(counts, new Outcome(Outcome.Kind.UPLOADED, file.key(), ""));
      }
    }
    if (delete) {
      for (String key : gone) {
        progress.show(written++, writes, "deleting", (System.nanoTime() - started) / 1e9);
        Bucket.Written removed = bucket.delete(key);
        hook.written(target.bucket(), key, removed.versionId(), true);
        if (isPost(key)) {
          pending.add(new Pending(key, true, null, removed.versionId(), latest(before, key)));
        } else {
          report(counts, new Outcome(Outcome.Kind.DELETED, key, ""));
        }
      }
    }
    watcher.await(pending, timeout, progress, outcome -> report(counts, outcome));
    progress.clear();
    return new Result(counts, local.files().size() - changed.size(), delete ? 0 : gone.size());
  }

  /** A key the publish function renders: Markdown under the posts or the pages prefix. */
  private boolean isPost(String key) {
    return (key.startsWith(target.postsPrefix()) || key.startsWith(target.pagesPrefix()))
        && Slugs.isMarkdown(key);
  }

  private static Sequencer latest(Map<String, SourceRecord> before, String key) {
    SourceRecord record = before.get(key);
    return record == null ? null : record.latest();
  }

  private void report(Map<Outcome.Kind, Integer> counts, Outcome outcome) {
    counts.merge(outcome.kind(), 1, Integer::sum);
    progress.println(outcome.line());
  }
}
