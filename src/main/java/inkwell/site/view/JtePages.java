package inkwell.site.view;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * {@link Pages} rendered by the JTE templates in {@code src/main/jte}, which the build turns into
 * Java classes of this package (jte-maven-plugin, goal {@code generate}). Nothing is parsed or
 * compiled at run time, so the first page of a cold Lambda container costs no more than the next.
 *
 * <pre>{@code
 * Pages pages = JtePages.create();
 * String html = pages.post(new PostView(site, post, true, null));
 * }</pre>
 *
 * <p>Every text value is HTML-escaped by JTE for the context it is written in (element text or
 * attribute); only the already sanitized {@code Post.bodyHtml()} is written as it is. Thread-safe:
 * create one and share it.
 */
public final class JtePages implements Pages {

  /** The package the templates are generated into (the plugin's {@code packageName}). */
  static final String TEMPLATE_PACKAGE = "inkwell.site.view";

  private final TemplateEngine engine;

  private JtePages(TemplateEngine engine) {
    this.engine = engine;
  }

  public static JtePages create() {
    return new JtePages(
        TemplateEngine.createPrecompiled(
            null, ContentType.Html, JtePages.class.getClassLoader(), TEMPLATE_PACKAGE));
  }

  @Override
  public String post(PostView view) {
    return render("post.jte", view);
  }

  @Override
  public String listing(ListingView view) {
    return render("listing.jte", view);
  }

  @Override
  public String tagIndex(TagIndexView view) {
    return render("tags.jte", view);
  }

  @Override
  public String error(ErrorView view) {
    return render("error.jte", view);
  }

  @Override
  public String search(SearchView view) {
    return render("search.jte", view);
  }

  private String render(String template, Object view) {
    StringOutput output = new StringOutput(8192);
    engine.render(template, view, output);
    return output.toString();
  }
}
