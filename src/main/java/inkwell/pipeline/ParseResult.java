package inkwell.pipeline;

import inkwell.post.Post;
import inkwell.post.PostError;

/** What the pipeline made of a source: a {@link Parsed} post or a {@link Rejected} error. */
public sealed interface ParseResult {

  /** The key of the source this result is for. */
  String sourceKey();

  /** The source became a post. */
  record Parsed(Post post) implements ParseResult {
    @Override
    public String sourceKey() {
      return post.sourceKey();
    }
  }

  /** The source could not become a post; {@code error} says why and where. */
  record Rejected(String sourceKey, PostError error) implements ParseResult {
    /** The error as {@code key:line:column: message}. */
    public String describe() {
      return error.describe(sourceKey);
    }
  }
}
