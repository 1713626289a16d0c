package inkwell.publish;

import inkwell.aws.DynamoPostWriter;
import inkwell.aws.S3ContentStore;
import inkwell.config.BlogConfig;
import inkwell.pipeline.PostPipeline;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the publish service to the AWS adapters. */
@Factory
class PublishBeans {

  @Singleton
  PublishService publishService(
      PostPipeline pipeline,
      S3ContentStore content,
      DynamoPostWriter posts,
      BlogConfig config,
      Clock clock) {
    return new PublishService(
        pipeline, content, posts, content, config.getBucket(), config.getPostsPrefix(), clock);
  }
}
