package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;

/**
 * A source text split into its YAML front matter (if any) and its Markdown body.
 *
 * @param yaml the text between the {@code ---} lines, or {@code null} without front matter
 * @param body the Markdown after the front matter
 * @param bodyLine the 1-based line of the source on which {@code body} starts
 */
record MarkdownFile(String yaml, String body, int bodyLine) {

  static MarkdownFile split(String text) {
    int firstEnd = lineEnd(text, 0);
    String first = text.substring(0, firstEnd).stripTrailing();
    if (first.equals("+++")) {
      throw new RejectedException(
          PostError.at(
              Kind.UNSUPPORTED_FRONT_MATTER,
              1,
              1,
              "TOML front matter (+++) is not supported: only YAML front matter between --- lines"
                  + " is read. Replace the +++ lines with --- and write the fields as YAML"
                  + " (title: \"...\")."));
    }
    if (!first.equals("---")) {
      return new MarkdownFile(null, text, 1);
    }
    int line = 2;
    int pos = Math.min(firstEnd + 1, text.length());
    while (pos < text.length()) {
      int end = lineEnd(text, pos);
      String candidate = text.substring(pos, end).stripTrailing();
      if (candidate.equals("---") || candidate.equals("...")) {
        String yaml = text.substring(Math.min(firstEnd + 1, pos), pos);
        String body = end < text.length() ? text.substring(end + 1) : "";
        return new MarkdownFile(yaml, body, line + 1);
      }
      pos = end + 1;
      line++;
    }
    throw new RejectedException(
        PostError.at(
            Kind.UNCLOSED_FRONT_MATTER,
            1,
            1,
            "the front matter opened by --- on line 1 is never closed; add a line with --- after"
                + " the last field"));
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }
}
