package inkwell.testenv;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Invokes a {@link RequestHandler} the way the Lambda Java runtime does: the event JSON is
 * deserialized with the runtime's own serializers ({@code aws-lambda-java-serialization}), and the
 * handler gets a {@link Context} with a fresh request id.
 */
public final class LambdaInvoker {

  private LambdaInvoker() {}

  public static <I, O> O invoke(RequestHandler<I, O> handler, Class<I> eventType, String json) {
    PojoSerializer<I> serializer =
        LambdaEventSerializers.serializerFor(eventType, LambdaInvoker.class.getClassLoader());
    I event = serializer.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    return handler.handleRequest(event, new InvocationContext());
  }

  /** The context Lambda passes with each invocation, as far as a handler can observe it. */
  static final class InvocationContext implements Context {
    private final String requestId = UUID.randomUUID().toString();

    @Override
    public String getAwsRequestId() {
      return requestId;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName() {
      return "test";
    }

    @Override
    public String getFunctionName() {
      return "test";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:test";
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
          System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.out.print(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
