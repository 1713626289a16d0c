package inkwell.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 PUT (sent with {@code Expect: 100-continue}) whose connection the server closes after
 * reading the request's head, before any response: what a kept-alive connection closed by the
 * server at the wrong moment looks like. Inkwell's clients send it again and succeed; the SDK's
 * bare URLConnection client gives up at once, which failed a CI run.
 */
class RetryableIoHttpClientTest {

  private ServerSocket server;
  private Thread serving;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Socket current;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serving = new Thread(this::serve, "drops-the-first-connection");
    serving.setDaemon(true);
    serving.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    Socket open = current;
    if (open != null) {
      open.close(); // the client's kept-alive connection
    }
    serving.join(5_000);
  }

  @Test
  void aPutWhoseConnectionDropsBeforeTheResponseIsSentAgain() {
    try (S3Client s3 = AwsClients.s3(settings())) {
      var put = s3.putObject(r -> r.bucket("b").key("posts/a.md"), RequestBody.fromString("# A"));
      assertThat(put.eTag()).isEqualTo("\"a\"");
    }
    assertThat(requests).as("requests the server read").hasValue(2);
  }

  /** Why the wrapper exists: if this starts failing, the SDK retries it itself. */
  @Test
  void theBareUrlConnectionClientGivesUpWithoutRetrying() {
    AwsClients.Settings settings = settings();
    try (S3Client s3 =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(settings.region())
            .credentialsProvider(settings.credentials())
            .endpointOverride(settings.s3Endpoint())
            .forcePathStyle(true)
            .build()) {
      assertThatThrownBy(
              () -> s3.putObject(r -> r.bucket("b").key("posts/a.md"), RequestBody.fromString("A")))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("Unexpected end of file from server");
    }
    assertThat(requests).as("requests the server read").hasValue(1);
  }

  private AwsClients.Settings settings() {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getLocalPort());
    return new AwsClients.Settings(
        inkwell.testenv.AwsClients.REGION,
        endpoint,
        endpoint,
        inkwell.testenv.AwsClients.credentials());
  }

  /** Closes the first connection after its request's head; answers every later request 200. */
  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        current = socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        String head;
        while ((head = readHead(in)) != null) {
          if (requests.incrementAndGet() == 1) {
            break;
          }
          if (head.toLowerCase(Locale.ROOT).contains("expect: 100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
          in.readNBytes(contentLength(head));
          out.write(
              "HTTP/1.1 200 OK\r\nETag: \"a\"\r\nContent-Length: 0\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (IOException e) {
        if (!server.isClosed()) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** One request's head, or null at the end of the connection. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      String text = head.toString(StandardCharsets.US_ASCII);
      if (text.endsWith("\r\n\r\n")) {
        return text;
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).strip());
      }
    }
    return 0;
  }
}
