package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;

/**
 * A source text split into its front matter (if any) and its Markdown body. Front matter is YAML
 * between {@code ---} lines, TOML between {@code +++} lines (Hugo), or a JSON object starting at
 * the first line with <code>{</code> and ending at a line that is <code>}</code> (Hugo).
 *
 * @param frontMatter the text of the front matter without its delimiters (for JSON, with its
 *     braces), or {@code null} without front matter
 * @param format how {@code frontMatter} is written; {@code null} without front matter
 * @param body the Markdown after the front matter
 * @param bodyLine the 1-based line of the source on which {@code body} starts
 */
record MarkdownFile(String frontMatter, Format format, String body, int bodyLine) {

  /** The front matter's language. */
  enum Format {
    YAML,
    TOML,
    JSON
  }

  static MarkdownFile split(String text) {
    int firstEnd = lineEnd(text, 0);
    String first = text.substring(0, firstEnd).stripTrailing();
    if (first.equals("---")) {
      return delimited(text, firstEnd, Format.YAML, "---", "...");
    }
    if (first.equals("+++")) {
      return delimited(text, firstEnd, Format.TOML, "+++", "+++");
    }
    if (first.equals("{") || (first.startsWith("{\"") && first.endsWith("}"))) {
      return json(text, first, firstEnd);
    }
    return new MarkdownFile(null, null, text, 1);
  }

  private static MarkdownFile delimited(
      String text, int firstEnd, Format format, String close, String alsoClose) {
    int line = 2;
    int pos = Math.min(firstEnd + 1, text.length());
    while (pos < text.length()) {
      int end = lineEnd(text, pos);
      String candidate = text.substring(pos, end).stripTrailing();
      if (candidate.equals(close) || candidate.equals(alsoClose)) {
        String matter = text.substring(Math.min(firstEnd + 1, pos), pos);
        String body = end < text.length() ? text.substring(end + 1) : "";
        return new MarkdownFile(matter, format, body, line + 1);
      }
      pos = end + 1;
      line++;
    }
    String open = format == Format.TOML ? "+++" : "---";
    throw new RejectedException(
        PostError.at(
            Kind.UNCLOSED_FRONT_MATTER,
            1,
            1,
            "the front matter opened by "
                + open
                + " on line 1 is never closed; add a line with "
                + open
                + " after the last field"));
  }

  /** Hugo's JSON front matter: an object from line 1 to the first line that is only "}". */
  private static MarkdownFile json(String text, String first, int firstEnd) {
    if (!first.equals("{")) {
      String body = firstEnd < text.length() ? text.substring(firstEnd + 1) : "";
      return new MarkdownFile(first, Format.JSON, body, 2);
    }
    int line = 2;
    int pos = Math.min(firstEnd + 1, text.length());
    while (pos < text.length()) {
      int end = lineEnd(text, pos);
      if (text.substring(pos, end).stripTrailing().equals("}")) {
        String body = end < text.length() ? text.substring(end + 1) : "";
        return new MarkdownFile(text.substring(0, end), Format.JSON, body, line + 1);
      }
      pos = end + 1;
      line++;
    }
    throw new RejectedException(
        PostError.at(
            Kind.UNCLOSED_FRONT_MATTER,
            1,
            1,
            "the JSON front matter opened by { on line 1 is never closed; add a line with } after"
                + " the last field"));
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }
}
