package inkwell.preview;

import inkwell.storage.MediaStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Images from a folder, for the preview: what {@code aws s3 sync FOLDER s3://BUCKET/media/}
 * uploads. With several folders (a Hugo site's {@code static} and {@code content}), the first that
 * holds the path answers.
 */
public final class FolderMedia implements MediaStore {

  private final List<Path> roots;

  public FolderMedia(Path root) {
    this(List.of(root));
  }

  public FolderMedia(List<Path> roots) {
    this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
  }

  /** The folders, first match wins. */
  public List<Path> roots() {
    return roots;
  }

  @Override
  public Optional<Media> read(String path) {
    for (Path root : roots) {
      Optional<Media> media = read(root, path);
      if (media.isPresent()) {
        return media;
      }
    }
    return Optional.empty();
  }

  private static Optional<Media> read(Path root, String path) {
    Path file = root.resolve(path).normalize();
    Optional<String> type = MediaStore.contentType(path);
    if (!file.startsWith(root) || type.isEmpty() || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new Media(Files.readAllBytes(file), type.get()));
    } catch (IOException e) {
      // Answered as missing (404), and said on the console, where the author is looking.
      System.out.println("  error  cannot read media " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
