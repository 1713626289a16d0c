package inkwell.preview;

import inkwell.storage.PostRepositoryContract;
import java.time.Clock;
import java.time.ZoneOffset;

/** The preview's in-memory index keeps the same contract as the DynamoDB table. */
class InMemoryPostRepositoryTest extends PostRepositoryContract {

  @Override
  protected Index newIndex() {
    InMemoryPostRepository index =
        new InMemoryPostRepository(Clock.fixed(NOW, ZoneOffset.UTC), false);
    return new Index(index, index);
  }
}
