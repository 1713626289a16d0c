package inkwell.cli;

import inkwell.aws.AwsClients;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/**
 * {@link Stacks} through CloudFormation's DescribeStacks, with the region and credentials of the
 * other clients and an endpoint from {@code AWS_ENDPOINT_URL_CLOUDFORMATION} or {@code
 * AWS_ENDPOINT_URL} if set.
 */
final class CloudFormationStacks implements Stacks {

  private final AwsClients.Settings settings;
  private final URI endpoint;

  CloudFormationStacks(AwsClients.Settings settings, URI endpoint) {
    this.settings = settings;
    this.endpoint = endpoint;
  }

  @Override
  public Stacks.Stack describe(String name) {
    CloudFormationClientBuilder builder =
        CloudFormationClient.builder()
            .httpClientBuilder(AwsClients.http())
            .region(settings.region())
            .credentialsProvider(settings.credentials());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    try (CloudFormationClient client = builder.build()) {
      var stack = client.describeStacks(r -> r.stackName(name)).stacks().get(0);
      Map<String, String> outputs = new LinkedHashMap<>();
      for (Output output : stack.outputs()) {
        outputs.put(output.outputKey(), output.outputValue());
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      for (Parameter parameter : stack.parameters()) {
        parameters.put(parameter.parameterKey(), parameter.parameterValue());
      }
      return new Stacks.Stack(outputs, parameters);
    } catch (CloudFormationException e) {
      if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
        throw new CliException(
            ExitCode.NO_ACCESS,
            "no stack named "
                + name
                + " in "
                + settings.region().id()
                + " (check --stack and AWS_REGION)",
            e);
      }
      throw e;
    }
  }
}
