package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Post;
import inkwell.post.PostError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Shared helpers for pipeline tests: run a source, expect a post or an error. */
final class Pipelines {

  static final Instant LAST_MODIFIED = Instant.parse("2023-03-04T05:06:07Z");
  static final PostPipeline PIPELINE = PostPipeline.create();

  private Pipelines() {}

  static ParseResult run(String key, String markdown) {
    return PIPELINE.parse(
        new Source(key, markdown.getBytes(StandardCharsets.UTF_8), LAST_MODIFIED));
  }

  static Post post(String markdown) {
    return post("posts/test.md", markdown);
  }

  static Post post(String key, String markdown) {
    ParseResult result = run(key, markdown);
    assertThat(result).as("result for %s", key).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).post();
  }

  static PostError error(String markdown) {
    return error(
        PIPELINE.parse(
            new Source("posts/bad.md", markdown.getBytes(StandardCharsets.UTF_8), LAST_MODIFIED)));
  }

  static PostError error(ParseResult result) {
    assertThat(result).isInstanceOf(ParseResult.Rejected.class);
    return ((ParseResult.Rejected) result).error();
  }
}
