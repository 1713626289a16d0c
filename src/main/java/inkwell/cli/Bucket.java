package inkwell.cli;

import java.util.Map;
import java.util.Optional;

/** The content bucket as {@code ./inkwell publish} uses it. */
interface Bucket {

  /**
   * What an upload or a delete created.
   *
   * @param versionId the new version (or delete marker) id, {@code null} in an unversioned bucket
   * @param eTag the new object's ETag without quotes, {@code null} for a delete
   */
  record Written(String key, String versionId, String eTag) {}

  /** The current objects under {@code prefix}: key to ETag (lower case, without quotes). */
  Map<String, String> eTags(String prefix);

  Written put(String key, byte[] bytes, String contentType);

  Written delete(String key);

  /**
   * The version id that the status file of {@code sourceKey} says was rejected; empty if there is
   * no status file or it names no version.
   */
  Optional<String> rejectedVersion(String sourceKey);
}
