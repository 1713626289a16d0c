package inkwell.cli;

/**
 * Called after each object {@code ./inkwell publish} writes, before it waits for the outcomes. On
 * AWS nothing needs doing ({@link #NONE}): S3 notifies the publish function. Tests and benchmarks
 * play S3's part here: they deliver the notification the write causes to the publish handler.
 */
@FunctionalInterface
public interface UploadHook {

  /** S3 sends the notifications. */
  UploadHook NONE = (bucket, key, versionId, removed) -> {};

  /**
   * {@code key} was uploaded (or, if {@code removed}, deleted) in {@code bucket}.
   *
   * @param versionId the version the write created, {@code null} in an unversioned bucket
   */
  void written(String bucket, String key, String versionId, boolean removed);
}
