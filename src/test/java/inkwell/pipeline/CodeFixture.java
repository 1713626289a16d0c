package inkwell.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser checks' post with a fenced block in every language the highlighter reads ({@code
 * browser-site/posts/2025/code-in-every-language.md}), and its blocks as the author wrote them.
 */
public final class CodeFixture {

  /** Where the preview serves the post. */
  public static final String PATH = "/2025/code-in-every-language/";

  private static final String RESOURCE = "/browser-site/posts/2025/code-in-every-language.md";

  private static final Pattern FENCE =
      Pattern.compile("^(`{3,})([^\\n`]*)\\n(.*?)^\\1$", Pattern.MULTILINE | Pattern.DOTALL);

  private CodeFixture() {}

  /** A fenced block: its info string and its code, final newline included. */
  public record Block(String info, String code) {}

  /** The Markdown of the post. */
  public static String markdown() {
    try (InputStream in = CodeFixture.class.getResourceAsStream(RESOURCE)) {
      return new String(
          Objects.requireNonNull(in, RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Its fenced blocks, in order. */
  public static List<Block> blocks() {
    List<Block> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(markdown());
    while (m.find()) {
      blocks.add(new Block(m.group(2), m.group(3)));
    }
    return blocks;
  }
}
