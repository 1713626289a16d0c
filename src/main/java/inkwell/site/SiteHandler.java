package inkwell.site;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The site function's entry point: API Gateway HTTP API (payload format 2.0) events, served by
 * {@link SiteController}. Every response body is passed to API Gateway base64-encoded (see {@link
 * BinaryResponses}), so gzipped bodies arrive intact.
 */
public class SiteHandler extends APIGatewayV2HTTPEventFunction {

  /** Used by the Lambda runtime. */
  public SiteHandler() {}

  /** Used by tests and tools to run the function in a prepared context. */
  public SiteHandler(ApplicationContext context) {
    super(context);
  }
}
