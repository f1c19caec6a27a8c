// Keeps the store in a JSON file. Writes are debounced (many mutations per second become one
// write) and atomic (temp file + rename), and close() flushes, so a restart keeps everything.
// The quiet period grows with the cost of a write, so a store of 50k contacts under load spends
// at most about a sixth of its time serialising.
import fs from 'fs';
import path from 'path';

export class JsonFilePersistence<T> {
  private timer: NodeJS.Timeout | undefined;
  private pending: (() => T) | undefined;
  private lastWriteMs = 0;

  constructor(
    readonly filePath: string,
    private readonly debounceMs = 50,
  ) {}

  load(): T | undefined {
    if (!fs.existsSync(this.filePath)) return undefined;
    return JSON.parse(fs.readFileSync(this.filePath, 'utf8')) as T;
  }

  /** Remembers how to produce the snapshot; the write happens after a short quiet period. */
  schedule(snapshot: () => T): void {
    this.pending = snapshot;
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), Math.max(this.debounceMs, this.lastWriteMs * 5));
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const snapshot = this.pending;
    this.pending = undefined;
    if (snapshot) this.writeNow(snapshot());
  }

  writeNow(value: T): void {
    const started = Date.now();
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(value));
    fs.renameSync(temp, this.filePath);
    this.lastWriteMs = Date.now() - started;
  }
}
