package inkwell.bench;

import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Asks DynamoDB for the capacity each request consumed ({@code ReturnConsumedCapacity=TOTAL}) and
 * adds it up as read and write request units, the on-demand billing units. The emulator computes
 * the units of the base table from item sizes as DynamoDB does; writes to global secondary indexes
 * are not included (see {@link CostModel}).
 */
final class CapacityMeter implements ExecutionInterceptor {

  private final DoubleAdder reads = new DoubleAdder();
  private final DoubleAdder writes = new DoubleAdder();

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    if (request instanceof GetItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof QueryRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof BatchGetItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof PutItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof UpdateItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof DeleteItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    return request;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    if (response instanceof GetItemResponse r) {
      read(r.consumedCapacity());
    } else if (response instanceof QueryResponse r) {
      read(r.consumedCapacity());
    } else if (response instanceof BatchGetItemResponse r) {
      r.consumedCapacity().forEach(this::read);
    } else if (response instanceof PutItemResponse r) {
      write(r.consumedCapacity());
    } else if (response instanceof UpdateItemResponse r) {
      write(r.consumedCapacity());
    } else if (response instanceof DeleteItemResponse r) {
      write(r.consumedCapacity());
    }
  }

  private void read(ConsumedCapacity capacity) {
    if (capacity != null && capacity.capacityUnits() != null) {
      reads.add(capacity.capacityUnits());
    }
  }

  private void write(ConsumedCapacity capacity) {
    if (capacity != null && capacity.capacityUnits() != null) {
      writes.add(capacity.capacityUnits());
    }
  }

  double readUnits() {
    return reads.sum();
  }

  double writeUnits() {
    return writes.sum();
  }

  void reset() {
    reads.reset();
    writes.reset();
  }
}
