package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.post.MenuPlace;
import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.Tag;
import inkwell.post.TocEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParseResultCodecTest {

  private static byte[] bytes(ParseResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ParseResultCodec.write(result, new DataOutputStream(out));
    return out.toByteArray();
  }

  private static ParseResult roundTrip(ParseResult result) throws IOException {
    return ParseResultCodec.read(new DataInputStream(new ByteArrayInputStream(bytes(result))));
  }

  @Test
  void aPostWithEveryFieldSetComesBackEqual() throws IOException {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("deep", List.of(1L, "two", false));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("string", "text");
    params.put("yes", true);
    params.put("long", 42L);
    params.put("big", new BigInteger("123456789012345678901234567890"));
    params.put("double", 2.5);
    params.put("nothing", null);
    params.put("list", Arrays.asList("a", null, 3L));
    params.put("map", nested);
    String body = "<p>" + "é".repeat(40_000) + "</p>"; // over writeUTF's 64 KB in UTF-8
    Post post =
        new Post(
            "pages/about.md",
            "about",
            "About",
            Instant.parse("2025-01-02T03:04:05.123456789Z"),
            Instant.parse("2025-02-02T00:00:00Z"),
            List.of(new Tag("Java", "java"), new Tag("C#", "c")),
            List.of("notes"),
            "A summary",
            true,
            Instant.parse("2025-03-01T00:00:00Z"),
            Instant.parse("2026-03-01T00:00:00Z"),
            List.of("old/about"),
            "https://example.com/about/",
            "/media/a.png",
            "Ada",
            body,
            List.of(new TocEntry(2, "intro", "Intro"), new TocEntry(3, "more", "More")),
            1234,
            6,
            "abc123",
            params,
            true,
            new MenuPlace(3, "About us"));
    ParseResult parsed =
        new ParseResult.Parsed(
            post, List.of(PostError.at(PostError.Kind.IMAGE_WITHOUT_ALT, 4, 2, "no alt")));

    ParseResult back = roundTrip(parsed);

    assertThat(back).isEqualTo(parsed);
    Map<String, Object> backParams = ((ParseResult.Parsed) back).post().params();
    assertThat(backParams.get("big")).isInstanceOf(BigInteger.class);
    assertThat(backParams.get("long")).isInstanceOf(Long.class);
    assertThat(backParams.keySet()).containsExactlyElementsOf(params.keySet());
  }

  @Test
  void aPostWithTheOptionalFieldsUnsetComesBackEqual() throws IOException {
    ParseResult parsed =
        PostPipeline.create()
            .parse(
                new Source(
                    "posts/plain.md",
                    "# Plain\n\nJust words.\n".getBytes(StandardCharsets.UTF_8),
                    Instant.parse("2025-05-05T00:00:00Z")));
    assertThat(((ParseResult.Parsed) parsed).post().menu()).isNull();
    assertThat(roundTrip(parsed)).isEqualTo(parsed);
  }

  @Test
  void aRejectionComesBackEqual() throws IOException {
    ParseResult rejected =
        new ParseResult.Rejected(
            "posts/bad.md", PostError.at(PostError.Kind.YAML_SYNTAX, 2, 7, "bad indentation"));
    assertThat(roundTrip(rejected)).isEqualTo(rejected);
  }

  @Test
  void bytesOfAnotherFormatAreRefused() throws IOException {
    byte[] bytes =
        bytes(new ParseResult.Rejected("posts/x.md", PostError.of(PostError.Kind.EMPTY, "empty")));
    bytes[3]++; // the format number
    assertThatThrownBy(
            () -> ParseResultCodec.read(new DataInputStream(new ByteArrayInputStream(bytes))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format");
  }
}
