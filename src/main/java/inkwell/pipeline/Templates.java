package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo shortcodes ({@code {{< >}}}, <code>{{% %}}</code>), Jekyll Liquid ({@code {% %}}, {@code {{
 * }}}) and kramdown attribute lists (<code>{: .class}</code>, <code>{:toc}</code>) in a post's
 * Markdown, turned into Markdown or HTML before it is parsed (see {@link Shortcodes} and {@link
 * Liquid}). What cannot be rendered never reaches the page as source text: it is replaced by its
 * inner content or by nothing, and reported as a {@link Kind#TEMPLATE_NOT_RENDERED} warning at its
 * line and column. Every replacement keeps the lines it replaces, so later warnings keep their
 * positions. Stateless.
 */
final class Templates {

  /** Which syntax a post is written in. */
  enum Dialect {
    /** A Hugo site: shortcodes everywhere, as Hugo reads them, code blocks included. */
    HUGO,
    /** A Jekyll site: Liquid everywhere (hence its {@code raw} tag), kramdown attribute lists. */
    JEKYLL,
    /** A plain folder: both, outside code blocks and code spans only. */
    PLAIN
  }

  /**
   * What rendering needs to know of the post and the site.
   *
   * @param params the front matter's other fields (Hugo's {@code param})
   * @param title the front matter's title, or {@code null}
   * @param linker where a reference to another file leads, by its path ({@code ref}, {@code
   *     post_url})
   * @param bundle the folder of a page bundle's post ({@link BundleImages}), or {@code null}
   */
  record Context(
      Dialect dialect,
      Map<String, Object> params,
      String title,
      Function<String, Link> linker,
      String bundle) {
    Link linkTo(String path) {
      return linker.apply(path);
    }
  }

  /**
   * Where a reference leads.
   *
   * @param address its address, or {@code null} when none can be made
   * @param missing what was looked for when it names no file of the site, else {@code null}
   */
  record Link(String address, String missing) {}

  /**
   * The Markdown to parse, what could not be rendered, and the references that name no file ({@link
   * Kind#BROKEN_REFERENCE}).
   */
  record Result(String body, List<PostError> warnings, List<PostError> broken) {}

  private static final Pattern IAL = Pattern.compile("\\{:[^}\\n]*\\}");
  private static final Pattern TOC_ITEM =
      Pattern.compile("(?m)^[ \\t]*(?:[*+-]|1\\.)[ \\t]+.*\\n[ \\t]*\\{:toc\\}[ \\t]*$");
  private static final Set<String> NO_WARNING = Set.of("comment");

  private Templates() {}

  static Result process(String body, int bodyLine, Context ctx) {
    if (body.indexOf('{') < 0 && !body.toLowerCase(java.util.Locale.ROOT).contains("<iframe")) {
      return new Result(body, List.of(), List.of());
    }
    if (ctx.dialect() != Dialect.HUGO) {
      // kramdown's "* TOC" list item marked {:toc}: the theme shows the table of contents.
      body = TOC_ITEM.matcher(body).replaceAll("\n");
    }
    Lines lines = new Lines(body, bodyLine);
    List<PostError> warnings = new ArrayList<>();
    List<PostError> broken = new ArrayList<>();
    boolean[] code =
        ctx.dialect() == Dialect.PLAIN ? CodeRegions.of(body) : CodeRegions.fencedOnly(body);
    boolean hugo = ctx.dialect() != Dialect.JEKYLL;
    boolean jekyll = ctx.dialect() != Dialect.HUGO;
    boolean skipCode = ctx.dialect() == Dialect.PLAIN;
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '<' && !code[i] && body.regionMatches(true, i, "<iframe", 0, 7)) {
        Replacement frame = Embeds.iframe(body, i);
        if (frame != null) {
          out.append(Lines.keepingLines(frame.text(), body.substring(i, frame.end())));
          i = frame.end();
          continue;
        }
      }
      if (c != '{' || (skipCode && code[i])) {
        out.append(c);
        i++;
        continue;
      }
      Replacement r = null;
      if (hugo && (body.startsWith("{{<", i) || body.startsWith("{{%", i))) {
        r = HugoShortcode.at(body, i, ctx);
      } else if (jekyll && (body.startsWith("{%", i) || body.startsWith("{{", i))) {
        r = Liquid.at(body, i, ctx);
      } else if (jekyll && body.startsWith("{:", i) && !code[i]) {
        Matcher m = IAL.matcher(body).region(i, body.length());
        if (m.lookingAt()) {
          r = new Replacement(m.end(), "", null);
        }
      }
      if (r == null) {
        out.append(c);
        i++;
        continue;
      }
      if (r.unrendered() != null && !NO_WARNING.contains(r.unrendered())) {
        warnings.add(
            PostError.at(
                Kind.TEMPLATE_NOT_RENDERED, lines.line(i), lines.column(i), r.unrendered()));
      }
      if (r.broken() != null) {
        broken.add(PostError.at(Kind.BROKEN_REFERENCE, lines.line(i), lines.column(i), r.broken()));
      }
      out.append(Lines.keepingLines(r.text(), body.substring(i, r.end())));
      i = r.end();
    }
    return new Result(out.toString(), List.copyOf(warnings), List.copyOf(broken));
  }

  /**
   * What replaces the template text from where it starts to {@code end}.
   *
   * @param unrendered the warning's message when it was not rendered, else {@code null}
   * @param broken what a reference names that no file of the site is, else {@code null}
   */
  record Replacement(int end, String text, String unrendered, String broken) {
    Replacement(int end, String text, String unrendered) {
      this(end, text, unrendered, null);
    }

    /** A reference's replacement: its address, and what is missing if it names no file. */
    static Replacement of(int end, String written, Link link) {
      return new Replacement(
          end,
          link.address() == null ? "" : link.address(),
          null,
          link.missing() == null ? null : written + " " + link.missing());
    }
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** Line and column of an index in the body. */
  static final class Lines {
    private final String text;
    private final int first;

    Lines(String text, int first) {
      this.text = text;
      this.first = first;
    }

    int line(int index) {
      int line = first;
      for (int k = 0; k < index; k++) {
        if (text.charAt(k) == '\n') {
          line++;
        }
      }
      return line;
    }

    int column(int index) {
      return index - text.lastIndexOf('\n', index - 1);
    }

    /**
     * {@code replacement}, with newlines added so that it spans as many lines as {@code source}.
     */
    static String keepingLines(String replacement, String source) {
      long missing =
          source.chars().filter(ch -> ch == '\n').count()
              - replacement.chars().filter(ch -> ch == '\n').count();
      return missing > 0 ? replacement + "\n".repeat((int) missing) : replacement;
    }
  }
}
