/**
 * Publishing: turns S3 object events into posts. {@link inkwell.publish.PublishService} is the
 * domain logic (stale-event checks, reading the source, running the pipeline, recording failures);
 * {@link inkwell.publish.PublishHandler} is the thin Lambda entry point that decodes S3 events.
 */
package inkwell.publish;
