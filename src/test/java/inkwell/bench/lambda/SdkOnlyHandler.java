package inkwell.bench.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import inkwell.aws.AwsClients;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A decomposition of the site's cold start: no Micronaut, no rendering, only the production
 * DynamoDB client built from the environment (as {@code AwsBeans} builds it) and one GetItem of a
 * post. With {@code INKWELL_BENCH_S3=true} it also builds the S3 client the site builds at start,
 * which a post page does not use: the difference is what creating it lazily would save.
 */
public final class SdkOnlyHandler implements RequestHandler<Object, String> {

  private final DynamoDbClient dynamoDb;

  public SdkOnlyHandler() {
    AwsClients.Settings settings = AwsClients.Settings.fromEnvironment(System.getenv());
    dynamoDb = AwsClients.dynamoDb(settings);
    if (Boolean.parseBoolean(System.getenv("INKWELL_BENCH_S3"))) {
      AwsClients.s3(settings);
    }
  }

  @Override
  public String handleRequest(Object event, Context context) {
    String slug = System.getenv("INKWELL_BENCH_SLUG");
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(System.getenv("INKWELL_TABLE"))
                        .key(
                            Map.of(
                                "pk", AttributeValue.fromS("POST#" + slug),
                                "sk", AttributeValue.fromS("POST"))))
            .item();
    return item.isEmpty() ? "missing" : "found";
  }
}
