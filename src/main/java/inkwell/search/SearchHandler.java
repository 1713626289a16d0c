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
import inkwell.storage.MenuLink;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The search function's entry point: the HTTP API's {@code /search} and {@code /api/search} routes
 * (payload format 2.0), answered by {@link SearchSite} over the snapshot the bucket's pointer names
 * ({@link SnapshotSearch}, which reads the pointer again at most every {@link #CHECK_EVERY}). Its
 * own function, so that Lucene stays off the site function's class path and cold start. The
 * header's menu comes with the snapshot: the index function writes it into the pointer, so this
 * function needs no table access (and no DynamoDB client, which would cost its cold start).
 *
 * <p>Construction ends with an empty search (the empty form, without the menu), which touches no
 * storage, so that a SnapStart snapshot holds a warm page path.
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

  private SnapshotSearch index;
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

  /**
   * The empty form through a site without the menu, whose lookup would read the bucket: the same
   * page path, warmed for the snapshot, with no request sent.
   */
  private void prime() {
    site(index(), now -> List.of()).handle(SiteRequest.get("/search"));
  }

  @Override
  public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
    return ApiGatewayMessages.response(
        search().handle(ApiGatewayMessages.request(event, siteConfig.getCdnKey())));
  }

  /** The site that serves requests: the header's menu is the one the index snapshot carries. */
  private synchronized SearchSite search() {
    if (search == null) {
      search = site(index(), index()::menu);
    }
    return search;
  }

  private synchronized SnapshotSearch index() {
    if (index == null) {
      index = new SnapshotSearch(snapshots, clock, CHECK_EVERY);
    }
    return index;
  }

  private SearchSite site(SnapshotSearch index, Function<Instant, List<MenuLink>> menu) {
    return new SearchSite(index, menu, pages, site, siteConfig, clock);
  }
}
