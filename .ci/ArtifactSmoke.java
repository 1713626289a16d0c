import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import inkwell.publish.PublishHandler;
import inkwell.site.SiteHandler;
import java.util.List;
import java.util.Map;

/**
 * Starts both handlers from a built Lambda package, with nothing on the class path but the package
 * (its classes and lib/*.jar, as Lambda loads /var/task), and sends each one request that needs
 * no storage. Run by .ci/sam-build-check:
 *
 * <pre>java -cp "PKG:PKG/lib/*" .ci/ArtifactSmoke.java</pre>
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
    var object =
        new S3EventNotification.S3ObjectEntity("posts/hello.md", 10L, "e", "v", "0055AED6DCD9028000");
    var entity =
        new S3EventNotification.S3Entity(
            "id",
            new S3EventNotification.S3BucketEntity("not-the-content-bucket", null, "arn"),
            object,
            "1.0");
    var record =
        new S3EventNotification.S3EventNotificationRecord(
            "us-east-1",
            "ObjectCreated:Put",
            "aws:s3",
            "2026-12-01T00:00:00.000Z",
            "2.1",
            null,
            null,
            entity,
            null);
    publish.handleRequest(new S3Event(List.of(record)), null);
    System.out.println("PublishHandler started and handled an event for another bucket");
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
