package inkwell.cli;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Turns the AWS SDK's exceptions into the one-line messages {@code ./inkwell} prints. */
final class Failures {

  private Failures() {}

  /**
   * The user-facing failure for {@code e}.
   *
   * @param target the blog being worked on, or {@code null} while it is being looked up
   */
  static CliException translate(SdkException e, Target target) {
    String message = oneLine(e);
    if (e instanceof SdkClientException) {
      if (message.contains("credentials")) {
        return new CliException(
            ExitCode.NO_ACCESS,
            "no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY, or run aws configure)",
            e);
      }
      return new CliException(ExitCode.NO_ACCESS, "cannot reach AWS: " + message, e);
    }
    if (e instanceof NoSuchBucketException && target != null) {
      return new CliException(ExitCode.NO_ACCESS, "no bucket named " + target.bucket(), e);
    }
    if (e instanceof ResourceNotFoundException && target != null) {
      return new CliException(ExitCode.NO_ACCESS, "no table named " + target.table(), e);
    }
    if (e instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode() + ": ";
      String serviceName =
          service.awsErrorDetails() == null ? "AWS" : service.awsErrorDetails().serviceName();
      return new CliException(
          ExitCode.NO_ACCESS, serviceName + " refused the request: " + code + message, e);
    }
    return new CliException(ExitCode.NO_ACCESS, message, e);
  }

  /** The first line of an exception's message, or its type if it has none. */
  static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      message = service.awsErrorDetails().errorMessage();
    }
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
