package tuangou.bot.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** What the pipeline counts: messages processed and failed, order lines changed, replies queued. */
public final class PipelineMetrics {
  private final Timer processing;
  private final Counter failed;
  private final Counter changed;
  private final Counter replies;
  private final Counter received;
  private final Counter delivered;

  public PipelineMetrics(MeterRegistry registry) {
    this.processing = Timer.builder("tuangou_message_processing").description("time to interpret and apply one message")
        .publishPercentiles(0.5, 0.99).register(registry);
    this.failed = Counter.builder("tuangou_messages_failed").description("messages set aside after an error")
        .register(registry);
    this.changed = Counter.builder("tuangou_order_lines_changed").description("order lines added, changed or cancelled")
        .register(registry);
    this.replies = Counter.builder("tuangou_replies_queued").description("replies written to the outbox")
        .register(registry);
    this.received = Counter.builder("tuangou_messages_received").description("messages stored in the inbox")
        .register(registry);
    this.delivered = Counter.builder("tuangou_replies_sent").description("outbox messages delivered to their channel")
        .register(registry);
  }

  void processed(long nanos, int repliesQueued) {
    processing.record(nanos, TimeUnit.NANOSECONDS);
    replies.increment(repliesQueued);
  }

  void failed() {
    failed.increment();
  }

  void changed(int lines) {
    changed.increment(lines);
  }

  public void delivered(int n) {
    delivered.increment(n);
  }

  public void received() {
    received.increment();
  }
}
