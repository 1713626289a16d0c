package inkwell.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders a fenced code block as commonmark-java does ({@code <pre><code class="language-x">}),
 * with the code coloured by {@link CodeHighlighter} when the info string names a {@link
 * CodeLanguage}; an unknown or missing language leaves the code escaped and plain.
 */
final class HighlightingCodeRenderer implements NodeRenderer {

  /** The class on {@code <code>} whose lines the stylesheet numbers. */
  static final String LINE_NUMBERS = "linenos";

  private final HtmlNodeRendererContext context;
  private final HtmlWriter html;
  private final CodeHighlighter highlighter;

  HighlightingCodeRenderer(HtmlNodeRendererContext context, CodeHighlighter highlighter) {
    this.context = context;
    this.html = context.getWriter();
    this.highlighter = highlighter;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(FencedCodeBlock.class);
  }

  @Override
  public void render(Node node) {
    FencedCodeBlock block = (FencedCodeBlock) node;
    String info = block.getInfo();
    Map<String, String> codeAttributes = new LinkedHashMap<>();
    if (info != null && !info.isBlank()) {
      String word = info.strip().split("\\s", 2)[0];
      if (!word.startsWith("{")) {
        codeAttributes.put("class", "language-" + word);
      }
    }
    Optional<CodeLanguage> language = CodeLanguage.of(info);
    CodeOptions options = CodeOptions.parse(info);
    if (options.lineNumbers()) {
      codeAttributes.merge("class", LINE_NUMBERS, (a, b) -> a + " " + b);
    }
    html.line();
    html.tag("pre", context.extendAttributes(block, "pre", Map.of()));
    html.tag("code", context.extendAttributes(block, "code", codeAttributes));
    if (language.isPresent() || options.wrapsLines()) {
      html.raw(highlighter.highlight(language.orElse(null), block.getLiteral(), options));
    } else {
      html.text(block.getLiteral());
    }
    html.tag("/code");
    html.tag("/pre");
    html.line();
  }
}
