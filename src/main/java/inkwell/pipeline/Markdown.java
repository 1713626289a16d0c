package inkwell.pipeline;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * CommonMark with GFM tables, strikethrough, autolinks and task lists, and footnotes; fenced code
 * coloured by {@link CodeHighlighter}. Raw HTML is passed through here and removed or cleaned later
 * by {@link HtmlSanitizer}. Thread-safe.
 */
final class Markdown {

  private final List<Extension> extensions =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          AutolinkExtension.create(),
          TaskListItemsExtension.create(),
          FootnotesExtension.create());

  private final Parser parser =
      Parser.builder()
          .extensions(extensions)
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  /** {@code null} when code is left plain. */
  private final CodeHighlighter highlighter;

  Markdown(boolean highlightCode) {
    this.highlighter = highlightCode ? new CodeHighlighter() : null;
  }

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  Node parse(String markdown) {
    return parser.parse(markdown);
  }

  /** HTML for {@code document}, with {@code id} attributes on the headings named in {@code ids}. */
  String render(Node document, Map<Node, String> ids) {
    HtmlRenderer.Builder builder = HtmlRenderer.builder().extensions(extensions);
    if (highlighter != null) {
      builder.nodeRendererFactory(context -> new HighlightingCodeRenderer(context, highlighter));
    }
    HtmlRenderer renderer =
        builder
            .attributeProviderFactory(
                context ->
                    (node, tagName, attributes) -> {
                      if (node instanceof Heading && ids.containsKey(node)) {
                        attributes.put("id", ids.get(node));
                      }
                    })
            .build();
    return renderer.render(document);
  }

  /**
   * The text of {@code node} without markup, whitespace collapsed to single spaces. Raw HTML is
   * left out; code is kept; image alt text is kept.
   */
  String plainText(Node node) {
    StringBuilder out = new StringBuilder();
    text(node, out::append);
    return WHITESPACE.matcher(out).replaceAll(" ").strip();
  }

  /**
   * The words of {@code node}'s {@link #plainText}, counted as it is walked (no copy of the text):
   * a word is a run of letters and digits, joined by apostrophes and hyphens.
   */
  int countWords(Node node) {
    WordCounter counter = new WordCounter();
    text(node, counter);
    return counter.words;
  }

  /** Gives {@code node}'s text, piece by piece, to {@code out}: see {@link #plainText}. */
  private static void text(Node node, java.util.function.Consumer<String> out) {
    for (Node n : Trees.preOrder(node)) {
      if (n instanceof Text text) {
        out.accept(text.getLiteral());
      } else if (n instanceof Code code) {
        out.accept(code.getLiteral());
      } else if (n instanceof FencedCodeBlock code) {
        out.accept(" ");
        out.accept(code.getLiteral());
      } else if (n instanceof IndentedCodeBlock code) {
        out.accept(" ");
        out.accept(code.getLiteral());
      } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak || n instanceof Block) {
        out.accept(" ");
      }
    }
  }

  /** Counts words across the pieces it is given, as if they were one text. */
  private static final class WordCounter implements java.util.function.Consumer<String> {
    int words;
    private boolean inWord;

    @Override
    public void accept(String text) {
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        boolean wordChar = Character.isLetterOrDigit(cp);
        if (wordChar && !inWord) {
          words++;
        }
        inWord = wordChar || (inWord && (cp == '\'' || cp == '\u2019' || cp == '-'));
        i += Character.charCount(cp);
      }
    }
  }
}
