package inkwell.site.view;

/** Renders the site's HTML pages. Implementations are thread-safe and escape every text value. */
public interface Pages {

  String post(PostView view);

  String listing(ListingView view);

  String tagIndex(TagIndexView view);

  String error(ErrorView view);

  String search(SearchView view);
}
