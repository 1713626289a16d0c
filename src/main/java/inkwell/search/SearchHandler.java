package inkwell.search;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import inkwell.aws.S3SnapshotStore;
import inkwell.site.ApiGatewayMessages;
import inkwell.site.SearchSite;
import inkwell.site.SiteConfig;
import inkwell.site.SiteInfo;
import inkwell.site.SiteRequest;
import inkwell.site.view.Pages;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * The search function's entry point: the HTTP API's {@code /search} and {@code /api/search} routes
 * (payload format 2.0), answered by {@link SearchSite} over the snapshot the bucket's pointer names
 * ({@link SnapshotSearch}, which reads the pointer again at most every {@link #CHECK_EVERY}). Its
 * own function, so that Lucene stays off the site function's class path and cold start.
 *
 * <p>Construction ends with an empty search (the empty form), which touches no storage, so that a
 * SnapStart snapshot holds a warm page path.
 */
public class SearchHandler
    extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  /** How stale a warm container's index may be, at most, after a new snapshot is written. */
  public static final Duration CHECK_EVERY = Duration.ofSeconds(5);

  @Inject S3SnapshotStore snapshots;
  @Inject Pages pages;
  @Inject SiteInfo site;
  @Inject SiteConfig siteConfig;
  @Inject Clock clock;

  private SearchSite search;

  /** Used by the Lambda runtime. */
  public SearchHandler() {
    prime();
  }

  /** Used by tests and tools to start the handler with extra configuration. */
  public SearchHandler(ApplicationContextBuilder context) {
    super(context);
    prime();
  }

  private void prime() {
    search().handle(SiteRequest.get("/search"));
  }

  @Override
  public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
    return ApiGatewayMessages.response(
        search().handle(ApiGatewayMessages.request(event, siteConfig.isTrustForwardedHost())));
  }

  private synchronized SearchSite search() {
    if (search == null) {
      search =
          new SearchSite(
              new SnapshotSearch(snapshots, clock, CHECK_EVERY), pages, site, siteConfig, clock);
    }
    return search;
  }
}
