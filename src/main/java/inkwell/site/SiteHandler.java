package inkwell.site;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The site function's entry point: API Gateway HTTP API (payload format 2.0) events, served by
 * {@link SiteController}. Every response body is passed to API Gateway base64-encoded (see {@link
 * BinaryResponses}), so gzipped bodies arrive intact.
 *
 * <p>One guard sits in front of the adapter: a path that is not a valid URI (a bad percent-escape)
 * makes the adapter throw before any controller runs, which Lambda would turn into a 500. Such a
 * request is answered by {@link SiteService} directly, with its themed 400 page.
 *
 * <p>Construction ends with {@link Priming}: a few requests that touch no storage, so that a
 * SnapStart snapshot holds a warm request path.
 */
public class SiteHandler extends APIGatewayV2HTTPEventFunction {

  /** Used by the Lambda runtime. */
  public SiteHandler() {
    Priming.prime(this);
  }

  /** Used by tests and tools to run the function in a prepared context. */
  public SiteHandler(ApplicationContext context) {
    super(context);
    Priming.prime(this);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String path = ApiGatewayMessages.path(event);
    if (path != null && !isUri(path)) {
      return direct(event);
    }
    return super.handleRequest(event, context);
  }

  private static boolean isUri(String path) {
    try {
      new URI(path);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private APIGatewayV2HTTPResponse direct(APIGatewayV2HTTPEvent event) {
    String cdnKey = getApplicationContext().getBean(SiteConfig.class).getCdnKey();
    SiteResponse response =
        getApplicationContext()
            .getBean(SiteService.class)
            .handle(ApiGatewayMessages.request(event, cdnKey));
    return ApiGatewayMessages.response(response);
  }
}
