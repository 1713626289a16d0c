package inkwell.pipeline;

import inkwell.post.Post;
import inkwell.post.PostError;
import java.util.List;

/** What the pipeline made of a source: a {@link Parsed} post or a {@link Rejected} error. */
public sealed interface ParseResult {

  /** The key of the source this result is for. */
  String sourceKey();

  /**
   * The source became a post; {@code warnings} are what the author should still fix, with their
   * positions (the post is published all the same).
   */
  record Parsed(Post post, List<PostError> warnings) implements ParseResult {
    public Parsed {
      warnings = List.copyOf(warnings);
    }

    /** A post with no warnings. */
    public Parsed(Post post) {
      this(post, List.of());
    }

    /** Each warning as {@code key:line:column: message}. */
    public List<String> describeWarnings() {
      return warnings.stream().map(w -> w.describe(post.sourceKey())).toList();
    }

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
