package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Finds the local images a post shows ({@code ![](x.png)}, {@code <img src>}, a bundle's image, a
 * {@code static/} path) that are not among the site's {@link SiteFiles}, and says where each is in
 * the source file. Remote images are never looked for. Stateless.
 */
final class MissingImages {

  private MissingImages() {}

  /**
   * Warnings for {@code document}, whose body starts on 1-based line {@code bodyLine}.
   *
   * @param base the post's address ({@code /hello/}), from which a relative path is taken
   */
  static List<PostError> find(Node document, int bodyLine, String base, SiteFiles files) {
    List<PostError> warnings = new ArrayList<>();
    for (Node node : Trees.preOrder(document)) {
      if (node instanceof Image image && !node.getSourceSpans().isEmpty()) {
        SourceSpan span = node.getSourceSpans().get(0);
        check(
            image.getDestination(),
            base,
            files,
            bodyLine + span.getLineIndex(),
            span.getColumnIndex() + 1,
            warnings);
      }
    }
    RawHtmlElements.visit(
        document,
        bodyLine,
        "<img",
        (element, line, column) -> {
          if (element.tagName().equals("img") && element.hasAttr("src")) {
            check(element.attr("src"), base, files, line, column, warnings);
          }
        });
    return warnings;
  }

  private static void check(
      String src, String base, SiteFiles files, int line, int column, List<PostError> warnings) {
    Optional<String> path = SiteFiles.mediaPath(src, base);
    if (path.isPresent() && !files.hasMedia(path.get())) {
      warnings.add(
          PostError.at(
              Kind.MISSING_IMAGE,
              line,
              column,
              "image "
                  + src
                  + " is not among the site's files (looked for "
                  + path.get()
                  + "); the reader sees a broken image"));
    }
  }
}
