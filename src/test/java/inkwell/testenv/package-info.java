/**
 * The test environment: real servers that speak the AWS wire protocols for S3 and DynamoDB, so
 * tests exercise the AWS SDK v2 clients exactly as production does, with no mocks.
 *
 * <p>{@link inkwell.testenv.AwsEmulators} is the JUnit 5 extension that starts the servers once per
 * test JVM and hands tests an {@link inkwell.testenv.Emulators} (endpoints and ready-made clients).
 * Where Docker runs, the servers are LocalStack via Testcontainers; elsewhere S3Proxy runs inside
 * the test JVM and dynalite runs as a Node child process. The system property or environment
 * variable {@code INKWELL_TEST_BACKEND} ({@code auto}, {@code embedded}, {@code localstack})
 * overrides the choice. {@link inkwell.testenv.AwsClients} builds clients for any endpoint,
 * including "dead" ones pointing at a closed port. See docs/TESTING.md.
 */
package inkwell.testenv;
