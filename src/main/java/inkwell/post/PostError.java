package inkwell.post;

import java.util.Objects;

/**
 * Why a source file could not become a post, and where; or, for a post that was published, what the
 * author should still fix (a warning, such as an image without alt text).
 *
 * <p>{@code line} and {@code column} are 1-based positions in the source file as the author sees it
 * (front matter included); 0 means the error has no single position.
 */
public record PostError(Kind kind, String message, int line, int column) {

  /** What kind of problem it is; stable names, safe to show and to match on. */
  public enum Kind {
    TOO_LARGE,
    NOT_UTF8,
    NUL_BYTE,
    /** No longer produced (TOML front matter is read); kept so that stored statuses still read. */
    UNSUPPORTED_FRONT_MATTER,
    UNCLOSED_FRONT_MATTER,
    YAML_SYNTAX,
    /** TOML front matter ({@code +++}) that is not valid TOML. */
    TOML_SYNTAX,
    /** JSON front matter that is not valid JSON. */
    JSON_SYNTAX,
    FRONT_MATTER_NOT_A_MAP,
    INVALID_FIELD,
    NESTED_TOO_DEEPLY,
    UNCLOSED_HTML,
    EMPTY,
    SLUG_CONFLICT,
    /**
     * A Hugo {@code ref}/{@code relref} or Jekyll {@code post_url}/{@code link} that names no file
     * of the site: an error where the whole site is known ({@code ./inkwell check}, the preview), a
     * warning on AWS, where the target may come later in the same upload.
     */
    BROKEN_REFERENCE,
    /**
     * A warning: an {@code <img>} in the author's HTML has no alt text (published with {@code
     * alt=""}).
     */
    IMAGE_WITHOUT_ALT,
    /**
     * A warning: a Hugo shortcode, Jekyll Liquid tag or kramdown attribute list that Inkwell does
     * not render; the page shows its inner content, or nothing, never its source.
     */
    TEMPLATE_NOT_RENDERED,
    /** A warning: raw HTML the sanitizer removes (an {@code <iframe>}, a {@code <script>}). */
    HTML_REMOVED,
    /**
     * A warning: the post is not put on the web (Hugo's {@code outputs} without {@code html}, or a
     * Jekyll {@code redirect_to} to another site).
     */
    NOT_ON_THE_WEB,
    /** A warning: a local image the post shows is not among the site's files. */
    MISSING_IMAGE
  }

  public PostError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0");
    }
  }

  public static PostError at(Kind kind, int line, int column, String message) {
    return new PostError(kind, message, line, column);
  }

  public static PostError of(Kind kind, String message) {
    return new PostError(kind, message, 0, 0);
  }

  public boolean hasPosition() {
    return line > 0;
  }

  /** The error as a compiler would print it: {@code posts/a.md:3:7: message}. */
  public String describe(String sourceKey) {
    if (!hasPosition()) {
      return sourceKey + ": " + message;
    }
    return sourceKey + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
  }
}
