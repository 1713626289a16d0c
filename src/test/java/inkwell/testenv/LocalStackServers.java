package inkwell.testenv;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;

/** LocalStack in Docker; one container serves both S3 and DynamoDB on one edge port. */
final class LocalStackServers implements Servers {

  /** Pinned: {@code latest} needs an auth token since 2026-03-23. */
  static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8.1");

  private final LocalStackContainer container;

  private LocalStackServers(LocalStackContainer container) {
    this.container = container;
  }

  static LocalStackServers start() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException(
          "LocalStack needs a Docker engine and Testcontainers found none (its logger"
              + " org.testcontainers.dockerclient says why). Set "
              + Backend.SWITCH
              + "=embedded to use S3Proxy and dynalite instead.");
    }
    LocalStackContainer container =
        new LocalStackContainer(IMAGE).withServices(Service.S3, Service.DYNAMODB);
    container.start();
    return new LocalStackServers(container);
  }

  @Override
  public URI s3Endpoint() {
    return container.getEndpoint();
  }

  @Override
  public URI dynamoDbEndpoint() {
    return container.getEndpoint();
  }

  @Override
  public void close() {
    container.stop();
  }
}
