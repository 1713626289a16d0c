package inkwell.cli;

import inkwell.aws.AwsClients;
import inkwell.aws.DynamoPostReader;
import inkwell.aws.DynamoRenderStore;
import inkwell.aws.DynamoSourceCatalog;
import inkwell.aws.S3ContentStore;
import inkwell.aws.SqsSearchChanges;
import inkwell.pipeline.PostPipeline;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs one {@code ./inkwell} command line: finds the blog ({@code --stack} or the environment),
 * builds the adapters, runs the command and turns every failure into one line on standard error and
 * an {@link ExitCode}. Commands print their results on standard output.
 */
public final class Cli {

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final UploadHook hook;
  private final Clock clock;

  /**
   * @param env the environment to read settings from ({@code System.getenv()})
   * @param terminal whether standard error is a terminal (then a progress bar is drawn)
   * @param hook called after each write of {@code publish}; {@link UploadHook#NONE} on AWS
   */
  public Cli(
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      boolean terminal,
      UploadHook hook,
      Clock clock) {
    this.env = Map.copyOf(env);
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.terminal = terminal;
    this.hook = Objects.requireNonNull(hook, "hook");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Runs {@code args}; returns the exit status. Never throws. */
  public int run(List<String> args) {
    try {
      Arguments arguments = Arguments.parse(args);
      if (arguments.help()) {
        out.print(Arguments.USAGE);
        return ExitCode.OK;
      }
      if (arguments.command().equals("check")) {
        return new SiteCheck(out).run(Path.of(arguments.folder()));
      }
      return execute(arguments);
    } catch (CliException e) {
      err.println("inkwell: " + e.getMessage());
      return e.exitCode();
    } catch (RuntimeException e) {
      err.println("inkwell: unexpected failure: " + Failures.oneLine(e));
      if (env.containsKey("INKWELL_DEBUG")) {
        e.printStackTrace(err);
      }
      return ExitCode.FAILED;
    }
  }

  private int execute(Arguments arguments) {
    AwsClients.Settings settings = settings();
    Target target;
    try {
      target =
          arguments.stack() == null
              ? Target.fromEnvironment(env)
              : stackTarget(arguments.stack(), settings);
    } catch (SdkException e) {
      throw Failures.translate(e, null);
    }
    try (S3Client s3 = AwsClients.s3(settings);
        DynamoDbClient dynamo = AwsClients.dynamoDb(settings)) {
      return execute(arguments, target, s3, dynamo);
    } catch (SdkException e) {
      throw Failures.translate(e, target);
    }
  }

  private int execute(Arguments arguments, Target target, S3Client s3, DynamoDbClient dynamo) {
    S3ContentStore content =
        new S3ContentStore(
            s3,
            target.bucket(),
            target.postsPrefix(),
            target.statusPrefix(),
            env.getOrDefault("INKWELL_BODIES_PREFIX", "_bodies/"),
            target.mediaPrefix());
    DynamoPostReader posts = new DynamoPostReader(dynamo, target.table(), content);
    DynamoSourceCatalog catalog = new DynamoSourceCatalog(dynamo, target.table());
    Progress progress = new Progress(out, err, terminal);
    return switch (arguments.command()) {
      case "publish" -> {
        Bucket bucket = new S3Bucket(s3, target.bucket(), target.statusPrefix());
        OutcomeWatcher watcher = new OutcomeWatcher(catalog, posts, bucket, target, clock);
        Publisher.Result result =
            new Publisher(bucket, catalog, watcher, target, hook, progress)
                .publish(
                    Path.of(arguments.folder()),
                    arguments.delete(),
                    arguments.all(),
                    arguments.timeout());
        out.println(result.summary());
        yield result.exitCode();
      }
      case "status" -> {
        List<Outcome> lines = new StatusReport(catalog, posts, target, clock).lines();
        lines.forEach(line -> out.println(line.line()));
        out.println(lines.size() + " source files");
        yield ExitCode.OK;
      }
      case "reindex" -> {
        DynamoRenderStore renders = new DynamoRenderStore(dynamo, target.table(), content);
        Reindexer.Result result =
            new Reindexer(
                    catalog,
                    posts,
                    content,
                    renders,
                    target.pipeline(),
                    PostPipeline.RENDER_VERSION,
                    progress)
                .reindex();
        out.println(result.summary());
        out.println("tag counts: " + renders.rebuildTagCounts() + " tag memberships counted");
        rebuildSearchIndex(target);
        yield result.exitCode();
      }
      case "redrive" -> redrive(target);
      default -> throw new CliException(ExitCode.USAGE, "unknown command " + arguments.command());
    };
  }

  /**
   * Asks the index function to rebuild the search index from the table (through its queue, so that
   * it stays the only writer): reindexed bodies are not publish events, and a rebuild also repairs
   * an index whose batches went to the dead-letter queue.
   */
  private void rebuildSearchIndex(Target target) {
    if (target.searchQueueUrl() == null) {
      out.println(
          "search index not rebuilt: no search queue known (--stack, or INKWELL_SEARCH_QUEUE_URL)");
      return;
    }
    try (SqsClient sqs = sqs()) {
      new SqsSearchChanges(sqs, target.searchQueueUrl()).requestRebuild();
    }
    out.println("search index: rebuild from the table requested");
  }

  /**
   * Sends the messages of the publish dead-letter queue back to the publish queue, where the
   * publish function, the table's one writer, applies them in order.
   */
  private int redrive(Target target) {
    if (target.deadLetterQueueUrl() == null || target.publishQueueUrl() == null) {
      throw new CliException(
          ExitCode.NO_ACCESS,
          "which queues? Give --stack NAME (its PublishQueueUrl and PublishDeadLetterQueueUrl"
              + " outputs), or set INKWELL_PUBLISH_QUEUE_URL and"
              + " INKWELL_PUBLISH_DEAD_LETTER_QUEUE_URL");
    }
    try (SqsClient sqs = sqs()) {
      Redriver.Result result =
          new Redriver(
                  new SqsFailureQueue(sqs, target.deadLetterQueueUrl(), target.publishQueueUrl()),
                  out)
              .redrive();
      out.println(result.summary());
      return result.exitCode();
    }
  }

  /**
   * An SQS client with the CLI's settings; {@code AWS_ENDPOINT_URL_SQS} or {@code
   * AWS_ENDPOINT_URL}.
   */
  private SqsClient sqs() {
    AwsClients.Settings settings = settings();
    var builder =
        SqsClient.builder()
            .httpClientBuilder(AwsClients.http())
            .region(settings.region())
            .credentialsProvider(settings.credentials());
    URI endpoint = endpoint("AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL");
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private Target stackTarget(String name, AwsClients.Settings settings) {
    Stacks.Stack stack =
        new CloudFormationStacks(settings, cloudFormationEndpoint()).describe(name);
    return Target.fromStack(name, stack.outputs(), stack.parameters(), env);
  }

  /** The shared AWS settings, with credentials read from {@link #env} rather than the process. */
  AwsClients.Settings settings() {
    AwsClients.Settings settings = AwsClients.Settings.fromEnvironment(env);
    String id = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
      return settings;
    }
    String token = env.get("AWS_SESSION_TOKEN");
    var credentials =
        token == null || token.isBlank()
            ? AwsBasicCredentials.create(id, secret)
            : AwsSessionCredentials.create(id, secret, token);
    return new AwsClients.Settings(
        settings.region(),
        settings.s3Endpoint(),
        settings.dynamoDbEndpoint(),
        StaticCredentialsProvider.create(credentials));
  }

  private URI cloudFormationEndpoint() {
    return endpoint("AWS_ENDPOINT_URL_CLOUDFORMATION", "AWS_ENDPOINT_URL");
  }

  private URI endpoint(String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return URI.create(value.strip());
      }
    }
    return null;
  }
}
