package inkwell.testenv;

import java.net.URI;
import java.nio.file.Path;

/** S3Proxy in this JVM plus dynalite in a Node child process: no Docker needed. */
final class EmbeddedServers implements Servers {

  private final S3ProxyServer s3;
  private final Dynalite dynamoDb;

  private EmbeddedServers(S3ProxyServer s3, Dynalite dynamoDb) {
    this.s3 = s3;
    this.dynamoDb = dynamoDb;
  }

  static EmbeddedServers start() {
    Path projectDir = Path.of(System.getProperty("inkwell.projectDir", "")).toAbsolutePath();
    S3ProxyServer s3 = S3ProxyServer.start();
    try {
      return new EmbeddedServers(s3, Dynalite.start(projectDir));
    } catch (RuntimeException e) {
      s3.close();
      throw e;
    }
  }

  @Override
  public URI s3Endpoint() {
    return s3.endpoint();
  }

  @Override
  public URI dynamoDbEndpoint() {
    return dynamoDb.endpoint();
  }

  @Override
  public void close() {
    try {
      dynamoDb.close();
    } finally {
      s3.close();
    }
  }
}
