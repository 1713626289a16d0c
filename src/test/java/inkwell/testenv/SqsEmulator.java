package inkwell.testenv;

import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * JUnit 5 extension giving tests a real SQS wire-protocol server: ElasticMQ inside the test JVM, on
 * a free port of 127.0.0.1, started on first use and once per test JVM (it supports FIFO queues,
 * message groups and deduplication ids). Declare a parameter of type {@link Sqs}.
 */
public final class SqsEmulator implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(SqsEmulator.class);

  /** The running server: its endpoint and a shared client. */
  public record Sqs(URI endpoint, SqsClient client) {

    /** A new FIFO queue with a unique name; returns its URL. */
    public String createFifoQueue(String prefix) {
      String name = Emulators.uniqueName(prefix) + ".fifo";
      return client
          .createQueue(
              r ->
                  r.queueName(name)
                      .attributes(
                          Map.of(
                              QueueAttributeName.FIFO_QUEUE, "true",
                              QueueAttributeName.VISIBILITY_TIMEOUT, "30")))
          .queueUrl();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Sqs.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class)
        .sqs;
  }

  /** Starts a server outside JUnit (the benchmarks); close it when done. */
  public static Running startServer() {
    return Running.start();
  }

  /** A running server and its client. */
  public static final class Running implements AutoCloseable {
    private final SQSRestServer server;
    private final Sqs sqs;

    public Sqs sqs() {
      return sqs;
    }

    private Running(SQSRestServer server, Sqs sqs) {
      this.server = server;
      this.sqs = sqs;
    }

    static Running start() {
      SQSRestServer server =
          SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
      int port = server.waitUntilStarted().localAddress().getPort();
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      SqsClient client =
          SqsClient.builder()
              .httpClientBuilder(inkwell.aws.AwsClients.http())
              .endpointOverride(endpoint)
              .region(AwsClients.REGION)
              .credentialsProvider(AwsClients.credentials())
              .build();
      return new Running(server, new Sqs(endpoint, client));
    }

    @Override
    public void close() {
      try {
        sqs.client().close();
      } finally {
        server.stopAndWait();
      }
    }
  }
}
