/**
 * A queue batch for handing to the consumer in a test: `getQueueResult` does not report the delay
 * a message was retried with, so the view records each message's last delay by message id.
 */
import type { ExtractMessage } from "../../src/pipeline/messages";

export function recordingBatch(batch: MessageBatch<ExtractMessage>) {
  const delays = new Map<string, number | undefined>();
  const view = {
    queue: batch.queue,
    messages: batch.messages.map((m) => ({
      id: m.id,
      timestamp: m.timestamp,
      body: m.body,
      attempts: m.attempts,
      ack: () => m.ack(),
      retry: (o?: QueueRetryOptions) => {
        delays.set(m.id, o?.delaySeconds);
        m.retry(o);
      },
    })),
    ackAll: () => batch.ackAll(),
    retryAll: (o?: QueueRetryOptions) => batch.retryAll(o),
  } as unknown as MessageBatch<ExtractMessage>;
  return { view, delays };
}
