package inkwell.bench;

import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.Tables;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** One blog in the emulators: its bucket and posts table, made from {@code template.yaml}. */
record Blog(Emulators emulators, String bucket, String table) {

  static Blog create(Emulators emulators) {
    String bucket = Emulators.uniqueName("bench");
    String table = Emulators.uniqueName("bench");
    emulators.s3().createBucket(r -> r.bucket(bucket));
    Tables.createPostsTable(emulators.dynamoDb(), table);
    return new Blog(emulators, bucket, table);
  }

  /** Micronaut properties for a handler run in this JVM: metered clients on the emulators. */
  Map<String, Object> handlerProperties() {
    Map<String, Object> properties = EmulatorAwsSettings.onEmulators(emulators, bucket, table);
    properties.put(BenchAwsClients.METER, true);
    return properties;
  }

  /** The environment Lambda would give a function of this blog, pointed at the emulators. */
  Map<String, String> lambdaEnvironment(String functionName) {
    Map<String, String> env = new LinkedHashMap<>(emulators.awsEnvironment());
    env.put("INKWELL_BUCKET", bucket);
    env.put("INKWELL_TABLE", table);
    env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    return env;
  }

  /** The repository as the site reads it, on the emulators' shared clients. */
  DynamoPostRepository repository() {
    return new DynamoPostRepository(
        emulators.dynamoDb(),
        table,
        new S3ContentStore(emulators.s3(), bucket, "posts/", "_status/", "_bodies/"),
        Clock.systemUTC());
  }
}
