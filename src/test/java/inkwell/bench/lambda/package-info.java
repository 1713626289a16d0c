/**
 * What the cold-start benchmark runs in a fresh JVM: {@link inkwell.bench.lambda.LambdaMain}, a
 * stand-in for the Lambda Java runtime's bootstrap (load the handler class, construct it,
 * deserialize the event with the runtime's own serializers, invoke, serialize the response), and
 * {@link inkwell.bench.lambda.TrivialHandler}, the reference that returns a constant. Only
 * aws-lambda-java-core and aws-lambda-java-serialization are used here, so the classes run on the
 * Lambda's runtime class path without any test dependency.
 */
package inkwell.bench.lambda;
