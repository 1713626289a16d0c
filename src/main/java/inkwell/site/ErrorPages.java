package inkwell.site;

import inkwell.site.view.ErrorView;
import inkwell.site.view.Pages;

/** The themed error pages of one base URL: the 404, and any status with its words. Thread-safe. */
final class ErrorPages {

  private final Pages pages;
  private final SiteInfo site;

  ErrorPages(Pages pages, SiteInfo site) {
    this.pages = pages;
    this.site = site;
  }

  SiteResponse notFound() {
    return error(
        404,
        "Page not found",
        "There is nothing at this address. It may have moved, or never existed.");
  }

  SiteResponse error(int status, String heading, String message) {
    return SiteResponse.of(
        status, SiteService.HTML, pages.error(new ErrorView(site, status, heading, message)));
  }
}
