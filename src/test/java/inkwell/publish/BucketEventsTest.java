package inkwell.publish;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.storage.Sequencer;
import inkwell.support.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EventBridge's S3 events, as the publish queue's messages carry them, decoded one by one. */
class BucketEventsTest {

  private static final String BUCKET = "inkwell-content";

  private static Map<String, Object> object(String key, String sequencer, String versionId) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("key", key);
    object.put("size", 10);
    if (versionId != null) {
      object.put("version-id", versionId);
    }
    if (sequencer != null) {
      object.put("sequencer", sequencer);
    }
    return object;
  }

  private static String event(String source, String detailType, Object detail) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", "17793124-05d4-b198-2fde-7ededc63b103");
    if (detailType != null) {
      event.put("detail-type", detailType);
    }
    if (source != null) {
      event.put("source", source);
    }
    event.put("detail", detail);
    return Json.write(event);
  }

  /** A {@code detail} naming the test's bucket and {@code object}. */
  private static Map<String, Object> detail(Map<String, Object> object) {
    return Map.of("version", "0", "bucket", Map.of("name", BUCKET), "object", object);
  }

  private static String s3(String detailType, Map<String, Object> object) {
    return event("aws.s3", detailType, detail(object));
  }

  @Nested
  class DetailTypes {

    @Test
    void anObjectCreatedEventIsACreation() {
      assertThat(BucketEvents.decode(s3("Object Created", object("posts/a.md", "0A", "v1"))))
          .contains(
              new ObjectEvent(
                  ObjectEvent.Type.CREATED, BUCKET, "posts/a.md", "v1", Sequencer.of("0A")));
    }

    @Test
    void anObjectDeletedEventIsARemovalWithTheMarkersVersion() {
      assertThat(BucketEvents.decode(s3("Object Deleted", object("posts/a.md", "0B", "dm1"))))
          .contains(
              new ObjectEvent(
                  ObjectEvent.Type.REMOVED, BUCKET, "posts/a.md", "dm1", Sequencer.of("0B")));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Object Restore Completed",
          "Object Tags Added",
          "Object ACL Updated",
          "object created",
          ""
        })
    void otherDetailTypesAreSkipped(String detailType) {
      assertThat(BucketEvents.decode(s3(detailType, object("posts/a.md", "0A", null)))).isEmpty();
    }

    @Test
    void anEventWithoutADetailTypeIsSkipped() {
      assertThat(
              BucketEvents.decode(event("aws.s3", null, detail(object("posts/a.md", "0A", null)))))
          .isEmpty();
    }
  }

  @Nested
  class Sources {

    @ParameterizedTest
    @ValueSource(strings = {"aws.events", "custom.s3", "AWS.S3"})
    void anEventFromAnotherSourceIsSkipped(String source) {
      assertThat(
              BucketEvents.decode(
                  event(source, "Object Created", detail(object("posts/a.md", "0A", null)))))
          .isEmpty();
    }

    @Test
    void anEventWithoutASourceIsSkipped() {
      assertThat(
              BucketEvents.decode(
                  event(null, "Object Created", detail(object("posts/a.md", "0A", null)))))
          .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "\"text\"", "{", "{} {}", ""})
    void aBodyThatIsNotAJsonObjectIsSkipped(String body) {
      assertThat(BucketEvents.decode(body)).isEmpty();
    }
  }

  @Nested
  class Keys {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "posts/Hello World.md",
          "posts/c++ notes.md",
          "posts/100%20done.md",
          "posts/caf\u00e9 \u00fcber.md",
          "posts/a+b%2B.md"
        })
    void keysAreTakenAsTheyAreWithoutDecoding(String key) {
      assertThat(BucketEvents.decode(s3("Object Created", object(key, "0A", null))))
          .map(ObjectEvent::key)
          .contains(key);
    }

    @Test
    void anEventWithoutAKeyOrWithAnEmptyOneIsSkipped() {
      Map<String, Object> noKey = object("x", "0A", null);
      noKey.remove("key");
      assertThat(BucketEvents.decode(s3("Object Created", noKey))).isEmpty();
      assertThat(BucketEvents.decode(s3("Object Created", object("", "0A", null)))).isEmpty();
    }

    @Test
    void anEventWithoutABucketIsSkipped() {
      assertThat(
              BucketEvents.decode(
                  event(
                      "aws.s3",
                      "Object Created",
                      Map.of("object", object("posts/a.md", "0A", null)))))
          .isEmpty();
    }
  }

  @Nested
  class SequencersAndVersions {

    @Test
    void anEventWithoutASequencerOrWithABlankOrBadOneIsSkipped() {
      assertThat(BucketEvents.decode(s3("Object Created", object("posts/a.md", null, null))))
          .isEmpty();
      assertThat(BucketEvents.decode(s3("Object Created", object("posts/a.md", " ", null))))
          .isEmpty();
      assertThat(BucketEvents.decode(s3("Object Created", object("posts/a.md", "not hex", null))))
          .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void anUnversionedObjectHasNoVersion(String versionId) {
      Optional<ObjectEvent> event =
          BucketEvents.decode(s3("Object Created", object("posts/a.md", "0A", versionId)));
      assertThat(event).isPresent();
      assertThat(event.get().versionId()).isNull();
    }

    @Test
    void aMissingVersionIsNoVersion() {
      assertThat(BucketEvents.decode(s3("Object Created", object("posts/a.md", "0A", null))))
          .map(ObjectEvent::versionId)
          .isEmpty();
    }

    @Test
    void theSequencerIsReadAsS3sOrder() {
      ObjectEvent earlier =
          BucketEvents.decode(s3("Object Created", object("posts/a.md", "0067469C5A", null)))
              .orElseThrow();
      ObjectEvent later =
          BucketEvents.decode(s3("Object Deleted", object("posts/a.md", "0067469C5B00", null)))
              .orElseThrow();
      assertThat(later.sequencer().isAfter(earlier.sequencer())).isTrue();
    }
  }
}
