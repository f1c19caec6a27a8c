// Events arriving together are stored in one transaction (a group commit): one commit, one disk
// flush, for up to `maxBatch` events, and every waiting request is answered once it has committed.
// A batch that fails (say, a deadlock between two instances) is retried one event per transaction,
// so one bad event cannot take its neighbours down; an event that still fails rejects (→ 429).
import type { DeliveryQueue } from '../delivery/queue';
import type { Database } from './database';
import { ingestBatch, InstalledCache, type IncomingEvent, type IngestOutcome } from './ingest';

interface Waiting {
  event: IncomingEvent;
  resolve(outcome: IngestOutcome): void;
  reject(error: unknown): void;
}

export class GroupCommit {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private readonly installed = new InstalledCache();

  constructor(
    private readonly db: Database,
    private readonly queue: DeliveryQueue,
    private readonly options: { maxBatch: number; maxConcurrentBatches: number },
    private readonly onCommitted: (outcomes: IngestOutcome[]) => void,
  ) {}

  submit(event: IncomingEvent): Promise<IngestOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.waiting.length > 0 && this.inFlight < this.options.maxConcurrentBatches) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.commit(batch).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.db.transaction((tx) =>
        ingestBatch(
          tx,
          batch.map((item) => item.event),
          this.installed,
          this.queue,
        ),
      );
      this.onCommitted(outcomes);
      batch.forEach((item, index) => item.resolve(outcomes[index]!));
    } catch (batchError) {
      if (batch.length === 1) {
        batch[0]!.reject(batchError);
        return;
      }
      for (const item of batch) {
        try {
          const [outcome] = await this.db.transaction((tx) =>
            ingestBatch(tx, [item.event], this.installed, this.queue),
          );
          this.onCommitted([outcome!]);
          item.resolve(outcome!);
        } catch (error) {
          item.reject(error);
        }
      }
    }
  }
}
