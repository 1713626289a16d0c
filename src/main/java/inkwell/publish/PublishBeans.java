package inkwell.publish;

import inkwell.aws.DynamoPostWriter;
import inkwell.aws.S3ContentStore;
import inkwell.aws.SqsSearchChanges;
import inkwell.config.BlogConfig;
import inkwell.pipeline.PostPipeline;
import inkwell.storage.SearchChanges;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the publish service to the AWS adapters, and to the search index's queue when {@code
 * INKWELL_SEARCH_QUEUE_URL} is set.
 */
@Factory
class PublishBeans {

  @Singleton
  PublishService publishService(
      PostPipeline pipeline,
      S3ContentStore content,
      DynamoPostWriter posts,
      BlogConfig config,
      Clock clock,
      BeanProvider<SqsClient> sqs) {
    String queue = config.getSearchQueueUrl();
    SearchChanges search =
        queue == null || queue.isBlank()
            ? SearchChanges.NONE
            : new SqsSearchChanges(sqs.get(), queue.strip());
    return new PublishService(
            pipeline,
            content,
            posts,
            content,
            config.getBucket(),
            config.getPostsPrefix(),
            clock,
            search)
        .withSiteFiles(new BucketSiteFiles(content, config.getMediaPrefix()));
  }
}
