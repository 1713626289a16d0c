package inkwell.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import inkwell.storage.Sequencer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample events in {@code events/} are what the handler expects, decoded as Lambda does. */
class SampleEventsTest {

  private static List<ObjectEvent> decode(String file) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("events", file))) {
      SQSEvent event =
          LambdaEventSerializers.serializerFor(
                  SQSEvent.class, SampleEventsTest.class.getClassLoader())
              .fromJson(in);
      return event.getRecords().stream()
          .map(message -> BucketEvents.decode(message.getBody()).orElseThrow())
          .toList();
    }
  }

  @Test
  void theSamplePutEventNamesAKeyWithASpaceAPlusAndUnicodeAsItIs() throws IOException {
    assertThat(decode("sqs-publish-put.json"))
        .containsExactly(
            new ObjectEvent(
                ObjectEvent.Type.CREATED,
                "inkwell-content-51af3dc0-da77-11e4-872e-1234567db123",
                "posts/2024/Hello World \u2014 caf\u00e9 + more.md",
                "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd",
                Sequencer.of("0067469C5A3E1B2F4D")));
  }

  @Test
  void bothSampleDeleteEventsAreLaterRemovalsOfThatKey() throws IOException {
    ObjectEvent put = decode("sqs-publish-put.json").get(0);
    for (String file : List.of("sqs-publish-delete.json", "sqs-publish-delete-marker.json")) {
      List<ObjectEvent> events = decode(file);
      assertThat(events).hasSize(1);
      assertThat(events.get(0).type()).isEqualTo(ObjectEvent.Type.REMOVED);
      assertThat(events.get(0).key()).isEqualTo(put.key());
      assertThat(events.get(0).sequencer().isAfter(put.sequencer())).isTrue();
    }
  }

  @Test
  void theSampleNestedPutKeepsItsFolders() throws IOException {
    assertThat(decode("sqs-publish-put-nested.json").get(0).key())
        .isEqualTo("posts/guides/aws/lambda/cold-starts.md");
  }
}
