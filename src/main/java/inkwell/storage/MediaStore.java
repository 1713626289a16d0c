package inkwell.storage;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Images the posts show, served by the site at {@code /media/{path}}: on AWS from the bucket's
 * media prefix, in the preview from a folder. Only image types are served.
 */
public interface MediaStore {

  /** Largest file served: a Lambda response carries at most 6 MB, base64-encoded. */
  long MAX_BYTES = 4L * 1024 * 1024;

  /** No media at all. */
  MediaStore NONE = path -> Optional.empty();

  /** A media file's bytes and content type. */
  record Media(byte[] bytes, String contentType) {}

  /** The file at {@code path} (below the media root), if it exists and is a served image type. */
  Optional<Media> read(String path);

  /** This store, and for a path it does not hold, {@code fallback}'s file there. */
  default MediaStore or(MediaStore fallback) {
    return path -> read(path).or(() -> fallback.read(path));
  }

  /** The content type for a file name's extension, if it is an image type this site serves. */
  static Optional<String> contentType(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Optional.ofNullable(
        Map.of(
                "png", "image/png",
                "jpg", "image/jpeg",
                "jpeg", "image/jpeg",
                "gif", "image/gif",
                "webp", "image/webp",
                "avif", "image/avif",
                "svg", "image/svg+xml",
                "ico", "image/x-icon")
            .get(extension));
  }
}
