package inkwell.preview;

import inkwell.pipeline.Source;
import inkwell.post.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder's Markdown files as last seen, and what changed since: a file whose size and
 * modification time are as before is not read again; any other is read (on every core) and counts
 * as changed only if its content hash differs. So a rescan of 10,000 unchanged files costs 10,000
 * {@code stat} calls, not 10,000 reads. Not thread-safe: {@link FolderWatcher} calls it under its
 * lock.
 */
final class FolderScan {

  /** What a file was: its size and modification time when read, and its content hash. */
  private record Seen(long size, FileTime modified, String hash) {}

  /**
   * A file whose content changed (or that is new), as read now; {@code source} is null when it
   * could not be read ({@code problem} says why), and the publish path reports that.
   */
  record Changed(String key, Source source, String contentHash, String problem) {}

  /** What {@link #scan} found: changed files and the keys of files that are gone, by key. */
  record Result(List<Changed> changed, List<String> removed) {
    boolean isEmpty() {
      return changed.isEmpty() && removed.isEmpty();
    }

    int size() {
      return changed.size() + removed.size();
    }
  }

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  /** Compares {@code files} (key to path) with what was seen, and remembers them as seen now. */
  Result scan(Map<String, Path> files) {
    List<Changed> changed =
        files.entrySet().parallelStream()
            .map(file -> check(file.getKey(), file.getValue()))
            .filter(Objects::nonNull)
            .sorted(Comparator.comparing(Changed::key))
            .toList();
    List<String> removed = new ArrayList<>();
    for (String key : seen.keySet()) {
      if (!files.containsKey(key)) {
        removed.add(key);
      }
    }
    removed.sort(Comparator.naturalOrder());
    removed.forEach(seen::remove);
    return new Result(changed, removed);
  }

  /** Forgets {@code key}, so that the next scan reads it again (its publishing failed). */
  void forget(String key) {
    seen.remove(key);
  }

  private Changed check(String key, Path file) {
    Seen before = seen.get(key);
    try {
      BasicFileAttributes stat = Files.readAttributes(file, BasicFileAttributes.class);
      if (before != null
          && before.size() == stat.size()
          && before.modified().equals(stat.lastModifiedTime())) {
        return null;
      }
      byte[] bytes = Files.readAllBytes(file);
      String hash = Hashes.sha256Hex(bytes);
      seen.put(key, new Seen(stat.size(), stat.lastModifiedTime(), hash));
      if (before != null && before.hash().equals(hash)) {
        return null; // touched, not changed
      }
      Source source = new Source(key, bytes, stat.lastModifiedTime().toInstant());
      return new Changed(key, source, hash, null);
    } catch (NoSuchFileException e) {
      return null; // gone meanwhile: the next scan reports it removed
    } catch (IOException e) {
      seen.put(key, new Seen(-1, FileTime.fromMillis(0), "unreadable:" + e.getMessage()));
      return before != null && before.hash().equals("unreadable:" + e.getMessage())
          ? null
          : new Changed(key, null, null, e.getMessage());
    }
  }
}
