package inkwell.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
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
      S3Event event =
          LambdaEventSerializers.serializerFor(
                  S3Event.class, SampleEventsTest.class.getClassLoader())
              .fromJson(in);
      return S3Events.decode(event);
    }
  }

  @Test
  void theSamplePutEventNamesAUrlEncodedKey() throws IOException {
    assertThat(decode("s3-put.json"))
        .containsExactly(
            new ObjectEvent(
                ObjectEvent.Type.CREATED,
                "inkwell-content-51af3dc0-da77-11e4-872e-1234567db123",
                "posts/2024/Hello World \u2014 caf\u00e9 + more.md",
                "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd",
                Sequencer.of("0067469C5A3E1B2F4D")));
  }

  @Test
  void theSampleDeleteEventIsARemoval() throws IOException {
    List<ObjectEvent> events = decode("s3-delete.json");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).type()).isEqualTo(ObjectEvent.Type.REMOVED);
    assertThat(events.get(0).sequencer().isAfter(decode("s3-put.json").get(0).sequencer()))
        .isTrue();
  }

  @Test
  void theSampleNestedPutKeepsItsFolders() throws IOException {
    assertThat(decode("s3-put-nested.json").get(0).key())
        .isEqualTo("posts/guides/aws/lambda/cold-starts.md");
  }
}
