package inkwell.preview;

import inkwell.pipeline.Source;
import inkwell.post.Hashes;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The folder's Markdown files as last seen, and what changed since: a file whose size and
 * modification time are as before is not read again; any other is read (on every core) and counts
 * as changed only if its content hash differs. So a rescan of 10,000 unchanged files costs 10,000
 * {@code stat} calls, not 10,000 reads. Between runs a manifest on disk keeps the content hashes
 * ({@link #saveManifest}, {@link #loadManifest}): the next start still reads every file (the
 * publish path needs its bytes) but hashes only those whose size or modification time changed. Not
 * thread-safe: {@link FolderWatcher} calls it under its lock.
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

  /** Changes whenever the manifest's layout does: another layout is then no manifest. */
  private static final int MANIFEST_FORMAT = 1;

  /** How recent a modification time is too recent to be recorded (see {@link #saveManifest}). */
  static final long RACY_SECONDS = 2;

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  /**
   * Content hashes recorded by an earlier run ({@link #loadManifest}), by key: a file whose size
   * and modification time are those recorded is read (its bytes are published) but not hashed
   * again.
   */
  private final Map<String, Seen> recorded = new ConcurrentHashMap<>();

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

  /**
   * Takes the content hashes that {@link #saveManifest} recorded, for the next scan (a missing or
   * unreadable manifest is no manifest: every file is hashed).
   */
  void loadManifest(Path manifest) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(manifest), 1 << 16))) {
      if (in.readInt() != MANIFEST_FORMAT) {
        return;
      }
      int entries = in.readInt();
      Map<String, Seen> read = new HashMap<>();
      for (int i = 0; i < entries; i++) {
        String key = in.readUTF();
        long size = in.readLong();
        FileTime modified = FileTime.from(in.readLong(), TimeUnit.NANOSECONDS);
        read.put(key, new Seen(size, modified, in.readUTF()));
      }
      recorded.putAll(read);
    } catch (IOException | RuntimeException e) {
      // No manifest (the first start) or a broken one: every file is hashed, nothing is lost.
    }
  }

  /**
   * Records the content hash of every file as last seen, with its size and modification time, for
   * the next start. Files modified within {@link #RACY_SECONDS} of now are left out: a save in the
   * same tick of a coarse file-system clock would keep its size and time, so they are hashed again
   * (git's index treats such entries as "racily clean" for the same reason). Safe to call while a
   * scan runs (it records what was seen so far).
   */
  void saveManifest(Path manifest) {
    FileTime racy = FileTime.from(Instant.now().minusSeconds(RACY_SECONDS));
    List<Map.Entry<String, Seen>> entries =
        seen.entrySet().stream()
            .filter(e -> e.getValue().size() >= 0 && e.getValue().modified().compareTo(racy) < 0)
            .toList();
    Path temporary = null;
    try {
      Files.createDirectories(manifest.toAbsolutePath().getParent());
      temporary = Files.createTempFile(manifest.toAbsolutePath().getParent(), ".manifest", ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
        out.writeInt(MANIFEST_FORMAT);
        out.writeInt(entries.size());
        for (Map.Entry<String, Seen> entry : entries) {
          out.writeUTF(entry.getKey());
          out.writeLong(entry.getValue().size());
          out.writeLong(entry.getValue().modified().to(TimeUnit.NANOSECONDS));
          out.writeUTF(entry.getValue().hash());
        }
      }
      Files.move(temporary, manifest, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      // Not recorded: the next start hashes every file.
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // a stray temporary file in the cache folder costs nothing
        }
      }
    }
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
      Seen earlier = recorded.remove(key);
      String hash =
          earlier != null
                  && earlier.size() == stat.size()
                  && earlier.size() == bytes.length
                  && earlier.modified().equals(stat.lastModifiedTime())
              ? earlier.hash()
              : Hashes.sha256Hex(bytes);
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
