package inkwell.site.view;

import inkwell.site.SiteInfo;

/** A themed error page: 404, 410, 400, 405. */
public record ErrorView(SiteInfo site, int status, String heading, String message) {}
