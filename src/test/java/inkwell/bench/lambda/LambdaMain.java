package inkwell.bench.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, as the Lambda Java runtime performs it: load and construct the handler (Lambda's
 * INIT phase), then deserialize one event with the runtime's serializers, invoke the handler and
 * serialize its response (the first INVOKE). Prints {@code RESPONSE <bytes> <status>} as soon as
 * the response exists, then the phase times, then exits.
 *
 * <pre>java ... inkwell.bench.lambda.LambdaMain HANDLER_CLASS EVENT_CLASS EVENT_FILE</pre>
 *
 * <p>{@code EVENT_CLASS} {@code -} reads the event without parsing it (the handler gets {@code
 * null}): the floor of any Java function.
 */
public final class LambdaMain {

  private LambdaMain() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    ClassLoader loader = LambdaMain.class.getClassLoader();
    RequestHandler handler =
        (RequestHandler)
            Class.forName(args[0], true, loader).getDeclaredConstructor().newInstance();
    long initialized = System.nanoTime();
    Object event = null;
    try (InputStream json = Files.newInputStream(Path.of(args[2]))) {
      if (args[1].equals("-")) {
        json.readAllBytes(); // the bare reference: the event is read, not parsed
      } else {
        event = LambdaEventSerializers.serializerFor(Class.forName(args[1]), loader).fromJson(json);
      }
    }
    Object response = handler.handleRequest(event, new BenchContext());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (response != null) {
      PojoSerializer serializer = LambdaEventSerializers.serializerFor(response.getClass(), loader);
      serializer.toJson(response, out);
    }
    long responded = System.nanoTime();
    String text = out.toString(StandardCharsets.UTF_8);
    System.out.println("RESPONSE " + out.size() + " " + status(text));
    System.out.flush();
    long jvmStartToMain =
        ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "PHASES jvm="
            + jvmStartToMain
            + " init="
            + (initialized - start) / 1_000_000
            + " invoke="
            + (responded - initialized) / 1_000_000);
    System.out.flush();
    System.exit(0);
  }

  private static String status(String json) {
    int at = json.indexOf("\"statusCode\":");
    if (at < 0) {
      return "-";
    }
    int from = at + "\"statusCode\":".length();
    int to = from;
    while (to < json.length() && Character.isDigit(json.charAt(to))) {
      to++;
    }
    return json.substring(from, to);
  }

  /** The context a handler gets; only the request id and logger are ever read here. */
  static final class BenchContext implements Context {
    @Override
    public String getAwsRequestId() {
      return "00000000-0000-0000-0000-000000000001";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/bench";
    }

    @Override
    public String getLogStreamName() {
      return "bench";
    }

    @Override
    public String getFunctionName() {
      return "bench";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:bench";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.err.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.err.write(message, 0, message.length);
        }
      };
    }
  }
}
