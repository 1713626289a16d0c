package inkwell.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import java.util.Map;

/**
 * The only controller: it hands every request, whatever its path and method, to {@link SiteService}
 * and sends back exactly the response it gets. Routing, status codes and headers are decided in one
 * place, the same for Lambda and the local preview.
 *
 * <p>It produces any media type: the service sets each response's {@code Content-Type}. Without
 * that, Micronaut would treat the routes as producing JSON and answer 406 to a client whose {@code
 * Accept} lists neither JSON nor {@code *}{@code /*}, such as a feed reader asking for {@code
 * application/rss+xml}.
 */
@Controller
@Produces(MediaType.ALL)
public class SiteController {

  private final SiteService site;
  private final String cdnKey;

  public SiteController(SiteService site, SiteConfig config) {
    this.site = site;
    this.cdnKey = config.getCdnKey();
  }

  @Get
  HttpResponse<byte[]> getRoot(HttpRequest<?> request) {
    return serve(request);
  }

  @Get("/{+path}")
  HttpResponse<byte[]> get(HttpRequest<?> request) {
    return serve(request);
  }

  @Post("/{+path}")
  HttpResponse<byte[]> post(HttpRequest<?> request) {
    return serve(request);
  }

  @Put("/{+path}")
  HttpResponse<byte[]> put(HttpRequest<?> request) {
    return serve(request);
  }

  @Delete("/{+path}")
  HttpResponse<byte[]> delete(HttpRequest<?> request) {
    return serve(request);
  }

  @Patch("/{+path}")
  HttpResponse<byte[]> patch(HttpRequest<?> request) {
    return serve(request);
  }

  @Options("/{+path}")
  HttpResponse<byte[]> options(HttpRequest<?> request) {
    return serve(request);
  }

  @Post
  HttpResponse<byte[]> postRoot(HttpRequest<?> request) {
    return serve(request);
  }

  private HttpResponse<byte[]> serve(HttpRequest<?> request) {
    return send(
        site.handle(
            new SiteRequest(
                request.getMethodName(),
                request.getUri().getRawPath(),
                request.getUri().getRawQuery(),
                request.getHeaders().get("Accept-Encoding"),
                request.getHeaders().get("If-None-Match"),
                origin(request, cdnKey))));
  }

  /** Where {@code request} was sent, as {@link SiteRequest#origin} reads it. */
  static String origin(HttpRequest<?> request, String cdnKey) {
    return SiteRequest.origin(
        request.getHeaders().get("X-Forwarded-Proto"),
        request.getHeaders().get("Host"),
        request.getHeaders().get("X-Forwarded-Host"),
        request.getHeaders().get(SiteRequest.CDN_KEY_HEADER),
        cdnKey);
  }

  static MutableHttpResponse<byte[]> send(SiteResponse response) {
    MutableHttpResponse<byte[]> out = HttpResponse.status(HttpStatus.valueOf(response.status()));
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      out.header(header.getKey(), header.getValue());
    }
    return response.body().length == 0 ? out : out.body(response.body());
  }
}
