package inkwell.publish;

import inkwell.post.PostError;
import inkwell.support.StructuredLog;
import java.time.Instant;
import java.util.List;

/**
 * One JSON log line per event: what happened to which source key, with the sequencer and, for a
 * rejection, the error's kind, line, column and message. CloudWatch Logs Insights reads the fields.
 */
final class PublishLog {

  private static final StructuredLog LOG = new StructuredLog("inkwell.publish");

  PublishService.Outcome outcome(ObjectEvent event, PublishService.Outcome outcome, String detail) {
    LOG.info(
        "outcome", outcome.name(),
        "key", event.key(),
        "bucket", event.bucket(),
        "event", event.type().name(),
        "sequencer", event.sequencer().toString(),
        "versionId", event.versionId(),
        "detail", detail);
    return outcome;
  }

  PublishService.Outcome published(
      ObjectEvent event, String slug, boolean draft, Instant visibleFrom) {
    LOG.info(
        "outcome", PublishService.Outcome.PUBLISHED.name(),
        "key", event.key(),
        "slug", slug,
        "draft", draft,
        "visibleFrom", visibleFrom,
        "sequencer", event.sequencer().toString(),
        "versionId", event.versionId());
    return PublishService.Outcome.PUBLISHED;
  }

  PublishService.Outcome rejected(
      ObjectEvent event, PublishService.Outcome outcome, PostError error) {
    LOG.warn(
        "outcome", outcome.name(),
        "key", event.key(),
        "error", error.kind().name(),
        "line", error.line(),
        "column", error.column(),
        "message", error.message(),
        "sequencer", event.sequencer().toString(),
        "versionId", event.versionId());
    return outcome;
  }

  /** One line per warning about a post that is published all the same. */
  void warnings(ObjectEvent event, List<PostError> warnings) {
    for (PostError warning : warnings) {
      LOG.warn(
          "outcome", "WARNING",
          "key", event.key(),
          "warning", warning.kind().name(),
          "line", warning.line(),
          "column", warning.column(),
          "message", warning.message(),
          "sequencer", event.sequencer().toString(),
          "versionId", event.versionId());
    }
  }

  /** A slug changed hands without an event of its own: a waiting source took it, or gave way. */
  void slug(String outcome, String slug, String key, String detail) {
    LOG.info("outcome", outcome, "slug", slug, "key", key, "detail", detail);
  }

  /** An event record that was not handed to the service at all (a test event, an unknown name). */
  static void skipped(String reason, String eventName, String key) {
    LOG.info("outcome", "IGNORED", "eventName", eventName, "key", key, "detail", reason);
  }
}
