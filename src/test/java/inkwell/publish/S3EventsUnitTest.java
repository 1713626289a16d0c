package inkwell.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import inkwell.storage.Sequencer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * S3 notifications decoded into object events, record by record, as the Lambda runtime reads them.
 */
class S3EventsUnitTest {

  private static final String BUCKET = "inkwell-content";

  private static String record(String eventName, String key, String sequencer, String versionId) {
    StringBuilder object = new StringBuilder("{\"key\":\"" + key + "\",\"size\":10");
    if (sequencer != null) {
      object.append(",\"sequencer\":\"").append(sequencer).append('"');
    }
    if (versionId != null) {
      object.append(",\"versionId\":\"").append(versionId).append('"');
    }
    object.append('}');
    return "{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
        + "\"eventTime\":\"2026-12-06T10:00:00.000Z\","
        + (eventName == null ? "" : "\"eventName\":\"" + eventName + "\",")
        + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\""
        + BUCKET
        + "\",\"arn\":\"arn:aws:s3:::"
        + BUCKET
        + "\"},\"object\":"
        + object
        + "}}";
  }

  private static List<ObjectEvent> decode(String... records) {
    return decodeJson("{\"Records\":[" + String.join(",", records) + "]}");
  }

  private static List<ObjectEvent> decodeJson(String json) {
    S3Event event =
        LambdaEventSerializers.serializerFor(S3Event.class, S3EventsUnitTest.class.getClassLoader())
            .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    return S3Events.decode(event);
  }

  private static ObjectEvent created(String key, String versionId, String sequencer) {
    return new ObjectEvent(
        ObjectEvent.Type.CREATED, BUCKET, key, versionId, Sequencer.of(sequencer));
  }

  @Nested
  class EventNames {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "ObjectCreated:Put, CREATED",
      "ObjectCreated:CompleteMultipartUpload, CREATED",
      "s3:ObjectCreated:Copy, CREATED",
      "ObjectRemoved:Delete, REMOVED",
      "ObjectRemoved:DeleteMarkerCreated, REMOVED",
      "s3:ObjectRemoved:Delete, REMOVED",
    })
    void creationsAndRemovalsAreObjectEvents(String name, ObjectEvent.Type type) {
      assertThat(decode(record(name, "posts/a.md", "0A", null)))
          .containsExactly(new ObjectEvent(type, BUCKET, "posts/a.md", null, Sequencer.of("0A")));
    }

    @ParameterizedTest(name = "{0} is skipped")
    @ValueSource(
        strings = {
          "s3:TestEvent",
          "ObjectRestore:Completed",
          "Replication:OperationFailedReplication",
          "LifecycleExpiration:Delete",
          "objectcreated:Put",
          "x:ObjectCreated:Put",
          "ObjectCreated",
        })
    void otherEventsAreSkipped(String name) {
      assertThat(decode(record(name, "posts/a.md", "0A", null))).isEmpty();
    }

    @Test
    void aRecordWithoutANameIsSkipped() {
      assertThat(decode(record(null, "posts/a.md", "0A", null))).isEmpty();
    }
  }

  @Nested
  class Keys {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "posts/Hello+World.md            | posts/Hello World.md",
          "posts/a%2Bb.md                  | posts/a+b.md",
          "posts/caf%C3%A9.md              | posts/café.md",
          "posts/100%25.md                 | posts/100%.md",
        })
    void keysAreFormDecodedOnce(String raw, String key) {
      assertThat(decode(record("ObjectCreated:Put", raw, "0A", null)).get(0).key()).isEqualTo(key);
    }
  }

  @Nested
  class SequencersAndVersions {

    @Test
    void aRecordWithoutASequencerIsSkipped() {
      assertThat(decode(record("ObjectCreated:Put", "posts/a.md", null, null))).isEmpty();
      assertThat(decode(record("ObjectCreated:Put", "posts/a.md", " ", null))).isEmpty();
    }

    @Test
    void aRecordWithABadSequencerIsSkippedAndTheOthersKept() {
      assertThat(
              decode(
                  record("ObjectCreated:Put", "posts/a.md", "not-hex", null),
                  record("ObjectCreated:Put", "posts/b.md", "0B", null)))
          .containsExactly(created("posts/b.md", null, "0B"));
    }

    @ParameterizedTest(name = "version [{0}] -> {1}")
    @CsvSource(
        nullValues = "none",
        value = {"v1, v1", "'', none", "null, none"})
    void anUnversionedObjectHasNoVersion(String raw, String versionId) {
      assertThat(decode(record("ObjectCreated:Put", "posts/a.md", "0A", raw)))
          .containsExactly(created("posts/a.md", versionId, "0A"));
    }

    @Test
    void recordsKeepTheirOrder() {
      assertThat(
              decode(
                  record("ObjectCreated:Put", "posts/b.md", "0B", "v2"),
                  record("ObjectRemoved:Delete", "posts/a.md", "0C", null)))
          .containsExactly(
              created("posts/b.md", "v2", "0B"),
              new ObjectEvent(
                  ObjectEvent.Type.REMOVED, BUCKET, "posts/a.md", null, Sequencer.of("0C")));
    }
  }

  @Nested
  class EmptyNotifications {

    @Test
    void noNotificationOrNoRecordsIsNoEvents() {
      assertThat(S3Events.decode(null)).isEmpty();
      assertThat(decodeJson("{}")).isEmpty();
      assertThat(decodeJson("{\"Records\":[]}")).isEmpty();
    }

    @Test
    void aRecordWithoutAnObjectIsSkipped() {
      S3EventNotificationRecord noS3 =
          new S3EventNotificationRecord(
              "us-east-1", "ObjectCreated:Put", "aws:s3", null, "2.1", null, null, null, null);
      S3EventNotificationRecord noObject =
          new S3EventNotificationRecord(
              "us-east-1",
              "ObjectCreated:Put",
              "aws:s3",
              null,
              "2.1",
              null,
              null,
              new S3Entity("id", new S3BucketEntity(BUCKET, null, "arn"), null, "1.0"),
              null);
      assertThat(S3Events.decode(new S3Event(List.of(noS3, noObject)))).isEmpty();
    }

    @Test
    void aNotificationWhoseRecordsAreNullIsNoEvents() {
      assertThat(S3Events.decode(new S3Event(null))).isEmpty();
    }

    @Test
    void aRecordWithANullNameOrANullSequencerIsSkipped() {
      assertThat(
              S3Events.decode(
                  new S3Event(
                      List.of(
                          direct(null, "posts/a.md", "0A"),
                          direct("ObjectCreated:Put", "posts/b.md", null),
                          direct("ObjectCreated:Put", "posts/c.md", "0C")))))
          .containsExactly(created("posts/c.md", null, "0C"));
    }

    private S3EventNotificationRecord direct(String name, String key, String sequencer) {
      return new S3EventNotificationRecord(
          "us-east-1",
          name,
          "aws:s3",
          null,
          "2.1",
          null,
          null,
          new S3Entity(
              "id",
              new S3BucketEntity(BUCKET, null, "arn"),
              new S3ObjectEntity(key, 10L, null, null, sequencer),
              "1.0"),
          null);
    }
  }

  @Nested
  class Events {

    @Test
    void everyPartOfAnEventIsRequiredButTheVersion() {
      Sequencer s = Sequencer.of("1");
      assertThatThrownBy(() -> new ObjectEvent(null, "b", "k", null, s)).hasMessage("type");
      assertThatThrownBy(() -> new ObjectEvent(ObjectEvent.Type.CREATED, null, "k", null, s))
          .hasMessage("bucket");
      assertThatThrownBy(() -> new ObjectEvent(ObjectEvent.Type.CREATED, "b", null, null, s))
          .hasMessage("key");
      assertThatThrownBy(() -> new ObjectEvent(ObjectEvent.Type.CREATED, "b", "k", null, null))
          .hasMessage("sequencer");
    }
  }
}
