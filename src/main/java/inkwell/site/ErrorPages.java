package inkwell.site;

import inkwell.site.view.ErrorView;
import inkwell.site.view.Pages;

/** The themed error pages: the 404, and any status with its words. Thread-safe. */
final class ErrorPages {

  static final String NOT_FOUND_HEADING = "Page not found";
  static final String NOT_FOUND_MESSAGE =
      "There is nothing at this address. It may have moved, or never existed.";

  private final Pages pages;

  ErrorPages(Pages pages) {
    this.pages = pages;
  }

  /** The 404 page in the frame of {@code site}. */
  SiteResponse notFound(SiteInfo site) {
    return page(site, 404, NOT_FOUND_HEADING, NOT_FOUND_MESSAGE);
  }

  /** The error page for {@code status} in the frame of {@code site} (its title, its menu). */
  SiteResponse page(SiteInfo site, int status, String heading, String message) {
    return SiteResponse.of(
        status, SiteService.HTML, pages.error(new ErrorView(site, status, heading, message)));
  }
}
