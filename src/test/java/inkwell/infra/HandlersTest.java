package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.testenv.SamTemplate;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function's {@code Handler} names a class the Lambda Java runtime can load and call with the
 * events that reach the function: a public class with a public no-argument constructor that
 * implements {@code RequestHandler} with the event type as input (and, for API Gateway, the
 * response type as output), resolved the way the runtime resolves it.
 */
class HandlersTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  /** An event type a trigger delivers and the response type it expects (null: any). */
  record Expected(String trigger, Class<?> input, Class<?> output) {}

  static Stream<String> functions() {
    return Functions.names(TEMPLATE).stream();
  }

  /**
   * The triggers of {@code function}: its SAM events, and the bucket notifications, API
   * integrations and function URLs that target it. A function URL sends the HTTP API's payload
   * format 2.0 event and takes its response (FunctionUrlEventsTest serves such events).
   */
  @SuppressWarnings("unchecked")
  static List<Expected> triggers(String function) {
    List<Expected> expected = new ArrayList<>();
    Map<String, Object> events =
        (Map<String, Object>) TEMPLATE.properties(function).getOrDefault("Events", Map.of());
    events.forEach(
        (name, event) -> {
          String type = String.valueOf(((Map<String, Object>) event).get("Type"));
          switch (type) {
            case "S3" -> expected.add(new Expected(name, S3Event.class, null));
            case "SQS" -> {
              // With ReportBatchItemFailures, Lambda reads the failed messages from the response.
              Object types =
                  ((Map<String, Object>) ((Map<String, Object>) event).get("Properties"))
                      .get("FunctionResponseTypes");
              boolean reports =
                  types instanceof List<?> list && list.contains("ReportBatchItemFailures");
              expected.add(
                  new Expected(name, SQSEvent.class, reports ? SQSBatchResponse.class : null));
            }
            case "HttpApi" ->
                expected.add(
                    new Expected(
                        name, APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
            default -> throw new AssertionError("no handler type known for event type " + type);
          }
        });
    TEMPLATE
        .resources()
        .forEach(
            (name, resource) -> {
              Map<String, Object> r = (Map<String, Object>) resource;
              if ("AWS::S3::Bucket".equals(r.get("Type"))) {
                Map<String, Object> notification =
                    (Map<String, Object>)
                        TEMPLATE
                            .properties(name)
                            .getOrDefault("NotificationConfiguration", Map.of());
                for (Object configuration :
                    (List<Object>) notification.getOrDefault("LambdaConfigurations", List.of())) {
                  Map<String, Object> c = (Map<String, Object>) configuration;
                  if (targets(c.get("Function"), function)) {
                    expected.add(new Expected(name + " " + c.get("Event"), S3Event.class, null));
                  }
                }
                return;
              }
              if ("AWS::Lambda::Url".equals(r.get("Type"))) {
                if (targets(TEMPLATE.properties(name).get("TargetFunctionArn"), function)) {
                  expected.add(
                      new Expected(
                          name, APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
                }
                return;
              }
              if (!"AWS::ApiGatewayV2::Integration".equals(r.get("Type"))) {
                return;
              }
              Map<String, Object> props = TEMPLATE.properties(name);
              if (targets(props.get("IntegrationUri"), function)) {
                assertThat(props.get("PayloadFormatVersion"))
                    .as("%s: the site handler speaks payload format 2.0", name)
                    .isEqualTo("2.0");
                expected.add(
                    new Expected(
                        name, APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
              }
            });
    return expected;
  }

  /** Whether {@code value} refers to {@code function} or to its alias or version. */
  private static boolean targets(Object value, String function) {
    return References.in(value).stream()
        .anyMatch(n -> n.equals(function) || n.startsWith(function + "."));
  }

  @ParameterizedTest
  @MethodSource("functions")
  void theHandlerIsALoadableRequestHandlerForEveryEventThatReachesTheFunction(String function)
      throws Exception {
    String handler = Functions.property(TEMPLATE, function, "Handler").toString();
    String className = handler.split("::")[0];
    Class<?> type = Class.forName(className, false, getClass().getClassLoader());
    assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", className).isTrue();
    assertThat(Modifier.isAbstract(type.getModifiers())).as("%s is concrete", className).isFalse();
    assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();

    Type[] types = handledTypes(handler);
    List<Expected> triggers = triggers(function);
    assertThat(triggers).as("%s has a trigger", function).isNotEmpty();
    for (Expected expected : triggers) {
      assertThat(types[0])
          .as("%s: %s delivers %s", function, expected.trigger(), expected.input().getSimpleName())
          .isEqualTo(expected.input());
      if (expected.output() != null) {
        assertThat(types[1])
            .as("%s: %s expects %s", function, expected.trigger(), expected.output())
            .isEqualTo(expected.output());
      }
    }
  }

  /**
   * The reason the template names classes, not methods: for {@code PublishHandler::handleRequest}
   * the runtime would pick the method inherited from {@code MicronautRequestHandler<I, O>}, whose
   * parameter is the type variable {@code I}, and deserialize the SQS event as a plain map.
   */
  @Test
  void aMethodHandlerOnPublishHandlerWouldNotKnowTheEventType() throws Exception {
    assertThat(handledTypes("inkwell.publish.PublishHandler::handleRequest")[0])
        .isInstanceOf(TypeVariable.class);
    assertThat(handledTypes("inkwell.publish.PublishHandler")[0]).isEqualTo(SQSEvent.class);
  }

  /**
   * The input and output types the Lambda Java runtime (aws-lambda-java-runtime-interface-client,
   * EventHandlerLoader) deserializes and serializes for a handler string. {@code Class}: the type
   * arguments of {@code RequestHandler}, followed through the class hierarchy. {@code
   * Class::method}: of the public methods with that name, non-bridge methods first, then the
   * longest signature (a trailing {@code Context} counting one extra), the first parameter's
   * generic type and the return type.
   */
  static Type[] handledTypes(String handler) throws ClassNotFoundException {
    String[] parts = handler.split("::");
    Class<?> type = Class.forName(parts[0], false, HandlersTest.class.getClassLoader());
    if (parts.length == 1) {
      return TypeArguments.of(type, RequestHandler.class)
          .orElseThrow(() -> new AssertionError(handler + " is not a RequestHandler"));
    }
    Method chosen =
        Stream.of(type.getMethods())
            .filter(m -> m.getName().equals(parts[1]) && m.getParameterCount() > 0)
            .min(
                Comparator.comparing(Method::isBridge)
                    .thenComparing(m -> -(m.getParameterCount() + (lastIsContext(m) ? 1 : 0))))
            .orElseThrow(() -> new AssertionError(handler + ": no such public method"));
    return new Type[] {chosen.getGenericParameterTypes()[0], chosen.getGenericReturnType()};
  }

  private static boolean lastIsContext(Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    return parameters[parameters.length - 1] == Context.class;
  }
}
