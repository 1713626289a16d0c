package inkwell.testenv;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * JUnit 5 extension giving tests real S3 and DynamoDB servers. Register it with
 * {@code @ExtendWith(AwsEmulators.class)} and declare parameters of type {@link Emulators}, {@link
 * S3Client} or {@link DynamoDbClient} on test, lifecycle or constructor methods.
 *
 * <p>The servers start on first use and only once per test JVM: they live in the root extension
 * store, which closes them when the whole test run ends. The backend is chosen as described in
 * {@link Backend}.
 */
public final class AwsEmulators implements ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(AwsEmulators.class);
  private static final Namespace NAMESPACE = Namespace.create(AwsEmulators.class);

  /** The servers of this test JVM, starting them if this is the first call. */
  public static Emulators get(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class)
        .emulators;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Emulators.class || type == S3Client.class || type == DynamoDbClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Emulators emulators = get(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == S3Client.class) {
      return emulators.s3();
    }
    if (type == DynamoDbClient.class) {
      return emulators.dynamoDb();
    }
    return emulators;
  }

  /**
   * What the root store holds. JUnit (5.13 and later) closes {@link AutoCloseable} store values
   * when the run ends; {@code Store.CloseableResource} is deprecated there.
   */
  private static final class Running implements AutoCloseable {
    private final Servers servers;
    private final Emulators emulators;

    private Running(Servers servers, Emulators emulators) {
      this.servers = servers;
      this.emulators = emulators;
    }

    static Running start() {
      Backend backend = Backend.fromEnvironment();
      long started = System.nanoTime();
      Servers servers = backend.start();
      try {
        Emulators emulators = new Emulators(backend, servers);
        LOG.info(
            "AWS emulators ({}) up in {} ms: S3 {}, DynamoDB {}",
            emulators.backend(),
            (System.nanoTime() - started) / 1_000_000,
            emulators.s3Endpoint(),
            emulators.dynamoDbEndpoint());
        return new Running(servers, emulators);
      } catch (RuntimeException e) {
        servers.close();
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        emulators.closeClients();
      } finally {
        servers.close();
      }
    }
  }
}
