package inkwell.testenv;

import java.net.URI;

/** Running S3 and DynamoDB servers; closing stops them. */
interface Servers extends AutoCloseable {

  URI s3Endpoint();

  URI dynamoDbEndpoint();

  @Override
  void close();
}
