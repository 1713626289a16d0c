package inkwell.aws;

import static inkwell.aws.Attributes.instant;
import static inkwell.aws.Attributes.integer;
import static inkwell.aws.Attributes.n;
import static inkwell.aws.Attributes.putIfPresent;
import static inkwell.aws.Attributes.s;
import static inkwell.aws.Attributes.string;
import static inkwell.aws.Attributes.strings;
import static inkwell.aws.Attributes.time;

import inkwell.post.PostError;
import inkwell.storage.Sequencer;
import inkwell.storage.SourceRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps {@link SourceRecord}s to source items (one per source key) and back. */
final class SourceItems {

  /** The optimistic-locking counter: every write of a source item increments it. */
  static final String REVISION = "rev";

  /** The key of the live version's body in the bucket, if it was too large for its item. */
  static final String BODY_REF = "bodyRef";

  private SourceItems() {}

  static Map<String, AttributeValue> item(SourceRecord record, long revision, String bodyRef) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PostTable.PK, s(PostTable.sourcePk(record.sourceKey())));
    item.put(PostTable.SK, s(PostTable.SOURCE_SK));
    item.put("src", s(record.sourceKey()));
    item.put("latest", s(record.latest().normalized()));
    if (record.content() != null) {
      item.put("content", s(record.content().normalized()));
    }
    item.put("state", s(record.state().name()));
    putIfPresent(item, "slug", record.slug());
    putIfPresent(item, "left", record.left());
    putIfPresent(item, BODY_REF, bodyRef);
    item.put("aliases", Attributes.strings(record.aliases()));
    if (record.error() != null) {
      PostError error = record.error();
      item.put(
          "error",
          AttributeValue.fromM(
              Map.of(
                  "kind", s(error.kind().name()),
                  "message", s(error.message()),
                  "line", n(error.line()),
                  "column", n(error.column()))));
    }
    item.put("at", time(record.at()));
    item.put(REVISION, n(revision));
    return item;
  }

  static SourceRecord record(Map<String, AttributeValue> item) {
    PostError error = null;
    if (item.containsKey("error")) {
      Map<String, AttributeValue> e = item.get("error").m();
      error =
          new PostError(
              PostError.Kind.valueOf(e.get("kind").s()),
              e.get("message").s(),
              Integer.parseInt(e.get("line").n()),
              Integer.parseInt(e.get("column").n()));
    }
    String content = string(item, "content");
    return new SourceRecord(
        string(item, "src"),
        new Sequencer(string(item, "latest")),
        content == null ? null : new Sequencer(content),
        SourceRecord.State.valueOf(string(item, "state")),
        string(item, "slug"),
        strings(item, "aliases"),
        error,
        instant(item, "at"),
        string(item, "left"));
  }

  /** The live version's spilled body, as the source item records it. */
  static String bodyRef(Optional<Map<String, AttributeValue>> item) {
    return item.map(i -> string(i, BODY_REF)).orElse(null);
  }

  static long revision(Map<String, AttributeValue> item) {
    return integer(item, REVISION);
  }
}
