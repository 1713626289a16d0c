package inkwell.cli;

import java.nio.file.Path;

/**
 * A file to publish, under the key it gets in the bucket.
 *
 * @param md5 the MD5 of the bytes in hex: the ETag S3 gives a single-part upload
 * @param contentHash for a post, the {@link inkwell.post.Post#contentHash()} of a post from these
 *     bytes; {@code null} for media
 */
record LocalFile(
    String key, Path path, byte[] bytes, String md5, String contentHash, String contentType) {

  boolean isPost() {
    return contentHash != null;
  }
}
