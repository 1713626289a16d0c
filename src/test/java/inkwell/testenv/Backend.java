package inkwell.testenv;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/** Which servers the tests talk to, and how to start them. */
enum Backend {
  /** LocalStack in a Docker container, via Testcontainers. */
  LOCALSTACK,
  /** S3Proxy inside the test JVM and dynalite as a Node child process. */
  EMBEDDED;

  /** System property or environment variable: {@code auto} (default), embedded or localstack. */
  static final String SWITCH = "INKWELL_TEST_BACKEND";

  static Backend fromEnvironment() {
    String requested = System.getProperty(SWITCH, System.getenv(SWITCH));
    return choose(requested, () -> DockerClientFactory.instance().isDockerAvailable());
  }

  static Backend choose(String requested, BooleanSupplier dockerAvailable) {
    String value =
        requested == null || requested.isBlank()
            ? "auto"
            : requested.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "localstack" -> LOCALSTACK;
      case "embedded" -> EMBEDDED;
      case "auto" -> dockerAvailable.getAsBoolean() ? LOCALSTACK : EMBEDDED;
      default ->
          throw new IllegalArgumentException(
              SWITCH + "=" + requested + " is not one of auto, embedded, localstack");
    };
  }

  Servers start() {
    return switch (this) {
      case LOCALSTACK -> LocalStackServers.start();
      case EMBEDDED -> EmbeddedServers.start();
    };
  }
}
