package inkwell.site;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Errors the HTTP server raises itself, before any route runs (in the local preview, Netty's
 * "Malformed URI" for an address like {@code /%zz/}), get the site's themed page and headers
 * instead of Micronaut's JSON. Every request that reaches a route is answered by {@link
 * SiteService} already.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ThemedErrors implements ErrorResponseProcessor<byte[]> {

  /** Looked up on first use: the route machinery builds this processor at startup. */
  private final BeanProvider<SiteService> site;

  private final String cdnKey;

  ThemedErrors(BeanProvider<SiteService> site, SiteConfig config) {
    this.site = site;
    this.cdnKey = config.getCdnKey();
  }

  @Override
  public MutableHttpResponse<byte[]> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    var request = context.getRequest();
    SiteRequest what =
        new SiteRequest(
            request.getMethodName(),
            "/",
            null,
            request.getHeaders().get("Accept-Encoding"),
            request.getHeaders().get("If-None-Match"),
            SiteController.origin(request, cdnKey));
    String reason =
        context.getErrors().isEmpty()
            ? "the server could not read the request"
            : context.getErrors().get(0).getMessage();
    return SiteController.send(site.get().error(what, response.code(), reason));
  }
}
