package inkwell.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.storage.Sequencer;
import inkwell.support.Gzip;
import inkwell.testenv.ApiGatewayEvents;
import inkwell.testenv.Buckets;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.LambdaInvoker;
import inkwell.testenv.Tables;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A blog in the emulators with site functions in front of it, for HTTP-level tests: a bucket and
 * table made from template.yaml, posts published through the repository's write path, and {@link
 * SiteHandler}s fed API Gateway event JSON as Lambda deserializes it.
 */
public final class TestSite implements AutoCloseable {

  /** A response as a client sees it: header names in lower case, the body un-gzipped. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final PostPipeline PIPELINE = PostPipeline.create();

  private final Map<String, Object> properties = new HashMap<>();
  private final DynamoPostRepository posts;
  private final List<SiteHandler> handlers = new ArrayList<>();
  private int sequence = 0x100;

  private TestSite(Emulators emulators, String bucket, String table) {
    properties.putAll(EmulatorAwsSettings.onEmulators(emulators, bucket, table));
    posts =
        new DynamoPostRepository(
            emulators.dynamoDb(),
            table,
            new S3ContentStore(emulators.s3(), bucket, "posts/", "_status/", "_bodies/"),
            Clock.systemUTC());
  }

  /** A new, empty blog whose bucket and table names start with {@code name}. */
  public static TestSite create(Emulators emulators, String name) {
    String bucket = Emulators.uniqueName(name);
    String table = Emulators.uniqueName(name);
    Buckets.createContentBucket(emulators.s3(), bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    return new TestSite(emulators, bucket, table);
  }

  /** A site function over this blog with {@code settings} ({@code inkwell.site.*} and others). */
  public SiteHandler handler(Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(properties);
    all.putAll(settings);
    SiteHandler handler = new SiteHandler(ApplicationContext.builder().properties(all).start());
    handlers.add(handler);
    return handler;
  }

  /** Publishes {@code markdown} as the source file {@code key}, a newer version each time. */
  public void publish(String key, String markdown) {
    ParseResult parsed =
        PIPELINE.parse(
            new Source(
                key,
                markdown.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-05-01T00:00:00Z")));
    posts.publish(
        ((ParseResult.Parsed) parsed).post(), Sequencer.of(String.format("%08X", ++sequence)));
  }

  /**
   * {@code method path} with {@code headers} (API Gateway's own are added), through {@code site}.
   */
  public static Reply request(
      SiteHandler site, String method, String path, Map<String, String> headers) {
    APIGatewayV2HTTPResponse response =
        LambdaInvoker.invoke(
            site, APIGatewayV2HTTPEvent.class, ApiGatewayEvents.request(method, path, headers));
    Map<String, String> lower = new HashMap<>();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    }
    if (response.getMultiValueHeaders() != null) {
      response
          .getMultiValueHeaders()
          .forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
    }
    String body = response.getBody() == null ? "" : response.getBody();
    byte[] bytes =
        response.getIsBase64Encoded()
            ? Base64.getDecoder().decode(body)
            : body.getBytes(StandardCharsets.UTF_8);
    if ("gzip".equals(lower.get("content-encoding")) && bytes.length > 0) {
      bytes = Gzip.decompress(bytes);
    }
    return new Reply(response.getStatusCode(), lower, bytes);
  }

  @Override
  public void close() {
    handlers.forEach(SiteHandler::close);
  }
}
