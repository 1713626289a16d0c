package inkwell.publish;

import inkwell.storage.Sequencer;
import java.util.Set;

/**
 * The reference model of the delivery-order property tests: what the highest sequencers of one
 * source key imply, as docs/ARCHITECTURE.md describes it (two max-registers).
 */
final class DeliveryModel {

  private DeliveryModel() {}

  /** An S3 operation and the event it causes. */
  record Op(String key, Sequencer sequencer, String body, Set<String> tags) {
    boolean isDelete() {
      return body == null;
    }

    boolean isGood() {
      return body != null && body.startsWith("---");
    }
  }

  /** The reference model of one key: two max-registers, as the README describes. */
  static final class Model {
    Sequencer content;
    Op contentOp; // the upload whose body went live, or null for a delete
    String contentTitle;
    Set<String> contentTags = Set.of();
    Sequencer latest;
    boolean latestRejected;

    void deliver(Op event, String bodyRead, Set<String> tagsRead) {
      if (content != null && !event.sequencer().isAfter(content)) {
        return; // stale or duplicate
      }
      if (event.isDelete() && bodyRead != null) {
        return; // the object exists again: this removal no longer applies
      }
      if (event.isDelete()) {
        content = event.sequencer();
        contentOp = null;
        if (latest == null || !latest.isAfter(event.sequencer())) {
          latest = event.sequencer();
          latestRejected = false;
        }
        return;
      }
      if (bodyRead == null) {
        return; // the object is gone: its delete event decides
      }
      if (!bodyRead.startsWith("---")) {
        if (latest == null || !latest.isAfter(event.sequencer())) {
          latest = event.sequencer();
          latestRejected = true;
        }
        return;
      }
      content = event.sequencer();
      contentOp = event;
      contentTitle = title(bodyRead);
      contentTags = tagsRead;
      if (latest == null || !latest.isAfter(event.sequencer())) {
        latest = event.sequencer();
        latestRejected = false;
      }
    }

    boolean live() {
      return contentOp != null;
    }
  }

  static String title(String body) {
    return body.lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow().substring(7);
  }
}
