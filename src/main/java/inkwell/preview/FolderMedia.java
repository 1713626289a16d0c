package inkwell.preview;

import inkwell.storage.MediaStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Images from a folder, for the preview: what {@code aws s3 sync FOLDER s3://BUCKET/media/}
 * uploads.
 */
public final class FolderMedia implements MediaStore {

  private final Path root;

  public FolderMedia(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Optional<Media> read(String path) {
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
