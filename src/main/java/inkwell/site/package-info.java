/**
 * The reader's site: routes, HTTP behaviour and the page, feed and API responses, served by the
 * same Micronaut controllers on Lambda (behind API Gateway) and in the local preview. {@link
 * inkwell.site.SiteInfo} and {@link inkwell.site.SitePaths} are shared by the views ({@code
 * site.view}) and the feeds ({@code site.feed}).
 */
package inkwell.site;
