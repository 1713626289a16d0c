package inkwell.storage;

import inkwell.post.PostError;
import java.time.Instant;
import java.util.List;

/**
 * Where authors read why their upload did not go live, without CloudWatch: on AWS a JSON object per
 * source key in the bucket, outside the posts prefix.
 */
public interface StatusStore {

  /** Why the version of {@code sourceKey} at {@code sequencer} was not published. */
  void reportFailure(
      String sourceKey, Sequencer sequencer, String versionId, PostError error, Instant at);

  /** The latest version of {@code sourceKey} went live or was deleted: no failure to report. */
  void clear(String sourceKey);

  /**
   * The latest version of {@code sourceKey} goes live, and the author should still fix {@code
   * warnings} (not empty): they replace any report for the key, until {@link #clear}.
   */
  void reportWarnings(
      String sourceKey,
      Sequencer sequencer,
      String versionId,
      List<PostError> warnings,
      Instant at);
}
