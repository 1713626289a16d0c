package inkwell.publish;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * The publish function's entry point: S3 {@code ObjectCreated} and {@code ObjectRemoved} events
 * under the posts prefix. It decodes the records and hands each to {@link PublishService}; any
 * storage failure propagates, so Lambda retries the event and, after its retries, sends it to the
 * on-failure destination.
 */
public class PublishHandler extends MicronautRequestHandler<S3Event, Void> {

  @Inject PublishService service;

  /** Used by the Lambda runtime. */
  public PublishHandler() {}

  /** Used by tests and tools to start the handler with extra configuration. */
  public PublishHandler(ApplicationContextBuilder context) {
    super(context);
  }

  @Override
  public Void execute(S3Event event) {
    for (ObjectEvent objectEvent : S3Events.decode(event)) {
      service.apply(objectEvent);
    }
    return null;
  }
}
