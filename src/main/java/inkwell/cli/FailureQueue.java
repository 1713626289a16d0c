package inkwell.cli;

import java.util.List;

/**
 * The publish dead-letter queue: messages of the publish queue that failed its receive limit, each
 * one bucket event as EventBridge sent it.
 */
interface FailureQueue {

  /** A message: its id, the handle that deletes it, and its body (the EventBridge event). */
  record Message(String id, String receiptHandle, String body) {}

  /**
   * Up to ten messages, hidden from other readers for a while; empty when none is left (those
   * already received and not deleted stay hidden until their time runs out).
   */
  List<Message> receive();

  /**
   * Sends {@code message} back to the publish queue, in its one message group, then deletes it
   * here. Sending it twice is harmless: the publish path skips an event already applied.
   */
  void sendBack(Message message);
}
