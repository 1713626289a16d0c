package inkwell.preview;

import inkwell.storage.SourceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Markdown sources from a folder, under the same keys they would have in the bucket: {@code
 * hello.md} in the folder is {@code posts/hello.md}, as {@code aws s3 sync FOLDER
 * s3://BUCKET/posts/} would upload it. So slugs in the preview are the slugs on the site.
 */
public final class FolderSource implements SourceStore {

  private final Path folder;
  private final String prefix;

  public FolderSource(Path folder, String prefix) {
    this.folder = folder.toAbsolutePath().normalize();
    this.prefix = prefix;
  }

  public Path folder() {
    return folder;
  }

  /** The key of a file in the folder ({@code posts/2024/hello.md}). */
  public String keyOf(Path file) {
    Path relative = folder.relativize(file.toAbsolutePath().normalize());
    return prefix + relative.toString().replace(java.io.File.separatorChar, '/');
  }

  /** The file a key names, or empty if the key does not lie under the prefix and the folder. */
  public Optional<Path> fileOf(String key) {
    if (!key.startsWith(prefix)) {
      return Optional.empty();
    }
    Path file = folder.resolve(key.substring(prefix.length())).normalize();
    return file.startsWith(folder) ? Optional.of(file) : Optional.empty();
  }

  @Override
  public boolean exists(String key) {
    return fileOf(key).map(Files::isRegularFile).orElse(false);
  }

  @Override
  public Optional<StoredSource> read(String key, String versionId) {
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
