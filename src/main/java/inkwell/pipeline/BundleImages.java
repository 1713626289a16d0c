package inkwell.pipeline;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;

/**
 * Images of a page bundle (Hugo's {@code posts/trip/index.md} with {@code view.png} beside it): a
 * relative image path becomes the path of the file beside the post ({@code /posts/trip/view.png}),
 * where the site serves it, whatever address the post itself has. Stateless.
 */
final class BundleImages {

  private BundleImages() {}

  /**
   * The folder of a bundle's post below its prefix ({@code posts/trip} for {@code
   * posts/trip/index.md}), or {@code null} when the source is no bundle.
   */
  static String folder(String relativeKey) {
    int slash = relativeKey.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    String name = relativeKey.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
    return name.startsWith("index.") ? relativeKey.substring(0, slash) : null;
  }

  /** {@code src} made absolute below {@code folder} when it is relative; else as it is. */
  static String rebase(String src, String folder) {
    if (folder == null || src.isEmpty() || isAbsolute(src)) {
      return src;
    }
    String path = src.startsWith("./") ? src.substring(2) : src;
    return "/" + folder + "/" + path;
  }

  static void rebase(Node document, String folder) {
    if (folder == null) {
      return;
    }
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            image.setDestination(rebase(image.getDestination(), folder));
            visitChildren(image);
          }
        });
  }

  private static boolean isAbsolute(String src) {
    int colon = src.indexOf(':');
    int slash = src.indexOf('/');
    return src.startsWith("/")
        || src.startsWith("#")
        || (colon >= 0 && (slash < 0 || colon < slash));
  }
}
