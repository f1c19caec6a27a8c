// Keeps the store in a JSON file. Writes are debounced (many mutations per second become one
// write) and atomic (temp file + rename), and close() flushes, so a restart keeps everything.
import fs from 'fs';
import path from 'path';

export class JsonFilePersistence<T> {
  private timer: NodeJS.Timeout | undefined;
  private pending: (() => T) | undefined;

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
    this.timer = setTimeout(() => this.flush(), this.debounceMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const snapshot = this.pending;
    this.pending = undefined;
    if (snapshot) this.writeNow(snapshot());
  }

  writeNow(value: T): void {
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(value));
    fs.renameSync(temp, this.filePath);
  }
}
