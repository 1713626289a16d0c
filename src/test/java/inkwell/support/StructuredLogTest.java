package inkwell.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredLogTest {

  private static Map<String, String> fields(String line) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(line)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        fields.put(name, parser.getValueAsString());
      }
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
    }
    return fields;
  }

  @Test
  void eachEntryIsOneJsonObjectOnOneLineWithLevelAndLogger() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StructuredLog log =
        new StructuredLog("inkwell.test", new PrintStream(bytes, true, StandardCharsets.UTF_8));
    log.warn("key", "posts/a \"quoted\".md", "line", 3, "message", "two\nlines");
    log.info("outcome", "PUBLISHED");

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    Map<String, String> first = fields(lines[0]);
    assertThat(first)
        .containsEntry("level", "WARN")
        .containsEntry("logger", "inkwell.test")
        .containsEntry("key", "posts/a \"quoted\".md")
        .containsEntry("line", "3")
        .containsEntry("message", "two\nlines")
        .containsKey("time");
    assertThat(fields(lines[1]))
        .containsEntry("level", "INFO")
        .containsEntry("outcome", "PUBLISHED");
  }
}
