package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/** A rendered page: its HTML as sent and as a browser would parse it. */
record RenderedPage(String name, String html, Document doc, List<ParseError> parseErrors) {

  static final JtePages PAGES = JtePages.create();

  static RenderedPage of(String name, String html) {
    Parser parser = Parser.htmlParser().setTrackErrors(20);
    Document doc = Jsoup.parse(html, Samples.BASE_URL, parser);
    return new RenderedPage(name, html, doc, List.copyOf(parser.getErrors()));
  }

  static RenderedPage post(PostView view) {
    return of("post", PAGES.post(view));
  }

  static RenderedPage listing(ListingView view) {
    return of("listing", PAGES.listing(view));
  }

  static RenderedPage tagIndex(TagIndexView view) {
    return of("tag index", PAGES.tagIndex(view));
  }

  static RenderedPage error(ErrorView view) {
    return of("error", PAGES.error(view));
  }

  /** The one element matching {@code css}; fails if there is none or more than one. */
  Element one(String css) {
    List<Element> found = doc.select(css);
    assertThat(found).as("%s: elements matching %s", name, css).hasSize(1);
    return found.get(0);
  }

  /** The content attribute of {@code <meta property|name=key>}, or null. */
  String meta(String key) {
    Element meta = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
    return meta == null ? null : meta.attr("content");
  }

  @Override
  public String toString() {
    return name;
  }
}
