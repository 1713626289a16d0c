package inkwell.preview;

import inkwell.pipeline.Source;
import inkwell.storage.SourceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Markdown sources from a folder, under the same keys they would have in the bucket: {@code
 * hello.md} in the folder is {@code posts/hello.md}, as {@code aws s3 sync FOLDER
 * s3://BUCKET/posts/} would upload it. So slugs in the preview are the slugs on the site. A second
 * folder may hold the standalone pages ({@code about.md} there is {@code pages/about.md}).
 */
public final class FolderSource implements SourceStore {

  /**
   * A folder, the key prefix its files have, how deep its files are looked for, and which files are
   * sources.
   */
  private record Root(Path folder, String prefix, int depth, Predicate<Path> accepts) {}

  private final List<Root> roots = new ArrayList<>();

  /** The sources a rescan read, by key, answered from memory until it has applied them. */
  private volatile Map<String, Source> pinned = Map.of();

  public FolderSource(Path folder, String prefix) {
    roots.add(new Root(folder.toAbsolutePath().normalize(), prefix, Integer.MAX_VALUE, f -> true));
  }

  /** These sources and the pages in {@code pagesFolder}, under {@code pagesPrefix}. */
  public FolderSource withPages(Path pagesFolder, String pagesPrefix) {
    return withPages(pagesFolder, pagesPrefix, Integer.MAX_VALUE, f -> true);
  }

  /**
   * These sources and the pages in {@code pagesFolder} at most {@code depth} folders down that
   * {@code accepts} takes (a Jekyll site's pages: the Markdown files with front matter beside
   * {@code _config.yml}).
   */
  public FolderSource withPages(
      Path pagesFolder, String pagesPrefix, int depth, Predicate<Path> accepts) {
    FolderSource both = new FolderSource(folder(), roots.get(0).prefix());
    both.roots.addAll(roots.subList(1, roots.size()));
    both.roots.add(new Root(pagesFolder.toAbsolutePath().normalize(), pagesPrefix, depth, accepts));
    return both;
  }

  /**
   * These sources and the posts in {@code folder}, under {@code prefix} (a Jekyll site's {@code
   * blog/_posts} or {@code _drafts}, under {@code posts/blog/_posts/}).
   */
  public FolderSource withPosts(Path folder, String prefix) {
    return withPages(folder, prefix);
  }

  /** Every source file in {@code folder}, one of {@link #folders()}. */
  public Stream<Path> files(Path folder) throws IOException {
    Root root = roots.stream().filter(r -> r.folder().equals(folder)).findFirst().orElseThrow();
    return Files.walk(folder, root.depth()).filter(root.accepts());
  }

  /** The posts folder. */
  public Path folder() {
    return roots.get(0).folder();
  }

  /** Every folder that exists: the posts folder, and the pages folder if there is one. */
  public List<Path> folders() {
    return roots.stream().map(Root::folder).filter(Files::isDirectory).toList();
  }

  /** The key of a file in one of the folders ({@code posts/2024/hello.md}). */
  public String keyOf(Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    // The deepest folder that holds it: a Jekyll site's _posts lies inside its pages folder.
    Root root =
        roots.stream()
            .filter(r -> normalized.startsWith(r.folder()))
            .max(java.util.Comparator.comparingInt(r -> r.folder().getNameCount()))
            .orElseThrow();
    Path relative = root.folder().relativize(normalized);
    return root.prefix() + relative.toString().replace(java.io.File.separatorChar, '/');
  }

  /** The file a key names, or empty if the key does not lie under a prefix and its folder. */
  public Optional<Path> fileOf(String key) {
    // The longest prefix first: posts/blog/_posts/x.md is in blog/_posts, not in _posts/blog.
    List<Root> byPrefix = new ArrayList<>(roots);
    byPrefix.sort(java.util.Comparator.comparingInt((Root r) -> r.prefix().length()).reversed());
    for (Root root : byPrefix) {
      if (key.startsWith(root.prefix())) {
        Path file = root.folder().resolve(key.substring(root.prefix().length())).normalize();
        return file.startsWith(root.folder()) ? Optional.of(file) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean exists(String key) {
    return fileOf(key).map(Files::isRegularFile).orElse(false);
  }

  /**
   * Until {@link #unpin}, {@link #read} answers with these sources (by key) as they were read,
   * instead of reading their files a second time: a rescan reads each changed file once, then
   * applies its events. A file saved meanwhile is a change that the next rescan finds.
   */
  void pin(Map<String, Source> sources) {
    pinned = Map.copyOf(sources);
  }

  void unpin() {
    pinned = Map.of();
  }

  @Override
  public Optional<StoredSource> read(String key, String versionId) {
    Source read = pinned.get(key);
    if (read != null) {
      return Optional.of(new StoredSource(key, read.bytes(), read.lastModified(), null));
    }
    Optional<Path> file = fileOf(key);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new StoredSource(
              key,
              Files.readAllBytes(file.get()),
              Files.getLastModifiedTime(file.get()).toInstant(),
              null));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      String reason =
          java.nio.file.Files.isDirectory(file.get()) ? "it is a folder" : e.getMessage();
      throw new UncheckedIOException(key + ": " + reason, e);
    }
  }
}
