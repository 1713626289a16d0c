import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.publish.PublishHandler;
import inkwell.search.IndexHandler;
import inkwell.search.SearchHandler;
import inkwell.site.SiteHandler;
import java.util.List;
import java.util.Map;

/**
 * Starts the handlers from a built Lambda package, with nothing on the class path but the package
 * (its classes and lib/*.jar, as Lambda loads /var/task), and sends each one request that needs
 * no storage: the site and publish handlers in every package, the index and search handlers in
 * theirs, where Lucene must be present; in the others it must be absent. The CloudFront client
 * is in the index function's package only (with no distribution configured, as here, the index
 * handler builds no CloudFront client, so it starts in the search function's package too). Run by
 * .ci/sam-build-check:
 *
 * <pre>java -cp "PKG:PKG/lib/*" .ci/ArtifactSmoke.java FUNCTION</pre>
 *
 * Exits non-zero when a handler cannot start or answers wrongly.
 */
public class ArtifactSmoke {

  public static void main(String[] args) {
    SiteHandler site = new SiteHandler();
    APIGatewayV2HTTPResponse refused = site.handleRequest(request("POST", "/"), null);
    expect(refused.getStatusCode() == 405, "SiteHandler: POST / gave " + refused.getStatusCode());
    expect(
        "GET, HEAD".equals(refused.getHeaders().get("Allow")),
        "SiteHandler: no Allow header on the 405");
    System.out.println("SiteHandler started and answered POST / with 405");

    PublishHandler publish = new PublishHandler();
    SQSEvent.SQSMessage bucketEvent = new SQSEvent.SQSMessage();
    bucketEvent.setMessageId("smoke-publish");
    bucketEvent.setBody(
        "{\"version\":\"0\",\"detail-type\":\"Object Created\",\"source\":\"aws.s3\","
            + "\"detail\":{\"bucket\":{\"name\":\"not-the-content-bucket\"},"
            + "\"object\":{\"key\":\"posts/hello.md\",\"size\":10,\"etag\":\"e\","
            + "\"version-id\":\"v\",\"sequencer\":\"0055AED6DCD9028000\"},\"reason\":\"PutObject\"}}");
    SQSEvent publishBatch = new SQSEvent();
    publishBatch.setRecords(List.of(bucketEvent));
    SQSBatchResponse published = publish.handleRequest(publishBatch, null);
    expect(
        published.getBatchItemFailures().isEmpty(),
        "PublishHandler: reported " + published.getBatchItemFailures().size() + " failed message(s)");
    System.out.println("PublishHandler started and handled an event for another bucket");

    String function = args.length > 0 ? args[0] : "";
    boolean cloudFront = present("software.amazon.awssdk.services.cloudfront.CloudFrontClient");
    expect(
        cloudFront == function.equals("IndexFunction"),
        function + ": the CloudFront client is " + (cloudFront ? "" : "not ") + "on the class path");
    System.out.println(function + ": CloudFront " + (cloudFront ? "present" : "absent") + ", as it should be");
    boolean searchPackage = function.equals("IndexFunction") || function.equals("SearchFunction");
    if (!searchPackage) {
      try {
        Class.forName("org.apache.lucene.index.IndexWriter");
        expect(false, function + ": Lucene is on the class path of a function that must not load it");
      } catch (ClassNotFoundException expected) {
        System.out.println(function + ": no Lucene on the class path");
      }
      return;
    }
    SearchHandler search = new SearchHandler();
    APIGatewayV2HTTPResponse form = search.handleRequest(request("GET", "/search"), null);
    expect(form.getStatusCode() == 200, "SearchHandler: GET /search gave " + form.getStatusCode());
    APIGatewayV2HTTPResponse post = search.handleRequest(request("POST", "/search"), null);
    expect(post.getStatusCode() == 405, "SearchHandler: POST /search gave " + post.getStatusCode());
    System.out.println("SearchHandler started and answered the empty form and a POST");

    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("smoke");
    message.setBody("not a search change");
    SQSEvent batch = new SQSEvent();
    batch.setRecords(List.of(message));
    new IndexHandler().handleRequest(batch, null);
    System.out.println("IndexHandler started and skipped a message that is not a change");
  }

  private static boolean present(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static APIGatewayV2HTTPEvent request(String method, String path) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("ANY /")
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(Map.of("host", "smoke.example.com"))
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withStage("$default")
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("127.0.0.1")
                        .build())
                .build())
        .build();
  }

  private static void expect(boolean condition, String failure) {
    if (!condition) {
      System.err.println("artifact check: " + failure);
      System.exit(1);
    }
  }
}
