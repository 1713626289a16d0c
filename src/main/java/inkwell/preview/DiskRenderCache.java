package inkwell.preview;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.Source;
import inkwell.post.Hashes;
import inkwell.post.PostError;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The preview's render cache on disk: one file per rendered source, named by the SHA-256 of the
 * renderer's version, the source's key, its last-modified time and its content, so that a change of
 * any of them is a miss and renders again. A warm start of an unchanged folder reads its posts back
 * instead of rendering them.
 *
 * <p>{@link #parse} is the renderer with the cache in front; {@link #prepare} does the same ahead
 * of time (on any thread) and keeps the result in memory until {@link #parse} asks for it. An entry
 * that cannot be read or written is rendered again, never an error. Thread-safe.
 *
 * <pre>
 * DiskRenderCache cache = new DiskRenderCache(dir, RendererVersion.of(config, memo), pipeline::parse);
 * sources.parallelStream().forEach(s -> cache.prepare(s, hashOf(s))); // on every core
 * ParseResult result = cache.parse(source);          // from memory
 * </pre>
 */
final class DiskRenderCache {

  /** Larger entries are not a file this cache wrote: treated as unreadable. */
  private static final long MAX_ENTRY_BYTES = 64L << 20;

  private final Path dir;
  private final String version;
  private final Function<Source, ParseResult> renderer;

  /** A rendering made ahead of time, for the source it was made from. */
  private record Prepared(Source source, ParseResult result) {}

  private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger rendered = new AtomicInteger();

  /**
   * @param dir the folder of entries (created when the first one is written)
   * @param version the renderer's version: code, libraries and settings ({@link RendererVersion})
   */
  DiskRenderCache(Path dir, String version, Function<Source, ParseResult> renderer) {
    this.dir = dir;
    this.version = version;
    this.renderer = renderer;
  }

  /** The rendering of {@code source}: prepared, from disk, or rendered (and then written). */
  ParseResult parse(Source source) {
    Prepared ready = prepared.remove(source.key());
    if (ready != null
        && ready.source().lastModified().equals(source.lastModified())
        && Arrays.equals(ready.source().bytes(), source.bytes())) {
      return ready.result();
    }
    return load(name(source, Hashes.sha256Hex(source.bytes())), source);
  }

  /**
   * Reads or renders {@code source} now and keeps it for the next {@link #parse} of the same
   * source; {@code contentHash} is the SHA-256 (hex) of its bytes.
   */
  void prepare(Source source, String contentHash) {
    prepared.put(source.key(), new Prepared(source, load(name(source, contentHash), source)));
  }

  /** Drops what was prepared and not asked for (a file that vanished before its event). */
  void forgetPrepared() {
    prepared.clear();
  }

  /** How many renderings came from disk since the last {@link #resetCounts}. */
  int hits() {
    return hits.get();
  }

  /** How many sources were rendered since the last {@link #resetCounts}. */
  int rendered() {
    return rendered.get();
  }

  void resetCounts() {
    hits.set(0);
    rendered.set(0);
  }

  /**
   * Renders {@code source} and forgets the result: no entry, no count. After a load that read its
   * posts back from disk, the renderer's classes are not loaded nor its code compiled yet, and the
   * first saved edit would pay for both (about a second); one rendering in the background after the
   * load pays instead.
   */
  void warmUp(Source source) {
    try {
      renderer.apply(source);
    } catch (RuntimeException e) {
      // A post that does not render warms the renderer up as well; its event reported it.
    }
  }

  /**
   * Where the folder's manifest of content hashes lives ({@link FolderScan#saveManifest}): beside
   * the entries' folder, so that {@link #prune} leaves it alone.
   */
  Path manifest() {
    return dir.resolveSibling(dir.getFileName() + ".manifest");
  }

  /** Deletes every entry that no source asked for since this cache was made. */
  void prune() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!used.contains(file.getFileName().toString())) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // A cache that keeps an old entry costs disk space, nothing else.
    }
  }

  /** The entry's file name for {@code source}. */
  String name(Source source) {
    return name(source, Hashes.sha256Hex(source.bytes()));
  }

  private String name(Source source, String contentHash) {
    String identity =
        version + "\n" + source.key() + "\n" + source.lastModified() + "\n" + contentHash;
    return Hashes.sha256Hex(identity.getBytes(StandardCharsets.UTF_8));
  }

  private ParseResult load(String name, Source source) {
    used.add(name);
    Path file = dir.resolve(name);
    ParseResult cached = read(file, source.key());
    if (cached != null) {
      hits.incrementAndGet();
      return cached;
    }
    ParseResult result = renderer.apply(source);
    rendered.incrementAndGet();
    if (!aboutOtherFiles(result)) {
      write(file, result);
    }
    return result;
  }

  /**
   * True for a result that says another file is missing: not kept, as that file may be there when
   * the source is read next.
   */
  private static boolean aboutOtherFiles(ParseResult result) {
    java.util.List<PostError> said =
        result instanceof ParseResult.Parsed parsed
            ? parsed.warnings()
            : java.util.List.of(((ParseResult.Rejected) result).error());
    return said.stream()
        .anyMatch(
            e ->
                e.kind() == PostError.Kind.BROKEN_REFERENCE
                    || e.kind() == PostError.Kind.MISSING_IMAGE);
  }

  private static ParseResult read(Path file, String key) {
    try {
      if (Files.size(file) > MAX_ENTRY_BYTES) {
        return null;
      }
      // Read whole (entries are tens of KB): no buffer per entry to allocate and fill.
      byte[] bytes = Files.readAllBytes(file);
      ParseResult result =
          ParseResultCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
      return result.sourceKey().equals(key) ? result : null;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      return null; // unreadable or not ours: render again, and overwrite it
    }
  }

  private void write(Path file, ParseResult result) {
    Path temporary = null;
    try {
      Files.createDirectories(dir);
      temporary = Files.createTempFile(dir, ".entry", ".tmp");
      try (OutputStream raw = Files.newOutputStream(temporary);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
        ParseResultCodec.write(result, out);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      // Not cached: the next start renders it again.
      deleteQuietly(temporary);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // left for prune()
      }
    }
  }
}
