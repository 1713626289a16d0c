package inkwell.aws;

/**
 * Where post bodies too large for a DynamoDB item are kept (gzipped HTML), by key. On AWS: the
 * content bucket, under a prefix outside the posts prefix so that writing there triggers nothing.
 */
public interface BodyStore {

  /**
   * Stores {@code gzippedHtml} and returns the key it can be read back with, unique to {@code
   * version} (a hex hash naming the source, event and text).
   */
  String put(String slug, String version, byte[] gzippedHtml);

  byte[] get(String key);

  void delete(String key);
}
