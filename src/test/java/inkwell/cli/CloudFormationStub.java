package inkwell.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudFormation's DescribeStacks on its wire protocol (AWS Query: a form-encoded POST, an XML
 * answer), for one stack, on a free port of 127.0.0.1. No CloudFormation emulator runs here; this
 * answers exactly the one call {@code --stack} makes, so the real SDK client is exercised, request
 * signing and error parsing included. Any other stack name gets the ValidationError CloudFormation
 * sends for a stack that does not exist.
 */
final class CloudFormationStub implements AutoCloseable {

  private final HttpServer server;

  CloudFormationStub(
      String stackName, Map<String, String> outputs, Map<String, String> parameters) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          Map<String, String> form =
              form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          boolean found =
              "DescribeStacks".equals(form.get("Action"))
                  && stackName.equals(form.get("StackName"));
          String body =
              found
                  ? describeStacks(stackName, outputs, parameters)
                  : """
                    <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">\
                    <Error><Type>Sender</Type><Code>ValidationError</Code>\
                    <Message>Stack with id %s does not exist</Message></Error>\
                    <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ErrorResponse>"""
                      .formatted(form.get("StackName"));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/xml");
          exchange.sendResponseHeaders(found ? 200 : 400, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static String describeStacks(
      String name, Map<String, String> outputs, Map<String, String> parameters) {
    StringBuilder members = new StringBuilder();
    outputs.forEach(
        (k, v) ->
            members.append(
                "<member><OutputKey>%s</OutputKey><OutputValue>%s</OutputValue></member>"
                    .formatted(k, v)));
    StringBuilder params = new StringBuilder();
    parameters.forEach(
        (k, v) ->
            params.append(
                "<member><ParameterKey>%s</ParameterKey><ParameterValue>%s</ParameterValue></member>"
                    .formatted(k, v)));
    return """
        <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">\
        <DescribeStacksResult><Stacks><member><StackName>%s</StackName>\
        <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/%s/1</StackId>\
        <CreationTime>2026-11-27T08:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus>\
        <Outputs>%s</Outputs><Parameters>%s</Parameters></member></Stacks></DescribeStacksResult>\
        <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>\
        </DescribeStacksResponse>"""
        .formatted(name, name, members, params);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
