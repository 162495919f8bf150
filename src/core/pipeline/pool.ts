/** An unbounded async queue: producers push, one consumer iterates until close (or a failure). */
export class AsyncQueue<T> {
  private items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((e: unknown) => void) | undefined;
  private closed = false;
  private error: unknown;

  push(item: T): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = this.failWaiting = undefined;
      w({ value: item, done: false });
    } else this.items.push(item);
  }

  close(): void {
    this.closed = true;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = this.failWaiting = undefined;
  }

  fail(err: unknown): void {
    this.error = err ?? new Error('queue failed');
    this.failWaiting?.(this.error);
    this.waiting = this.failWaiting = undefined;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.items.length) {
        yield this.items.shift()!;
        continue;
      }
      if (this.error !== undefined) throw this.error;
      if (this.closed) return;
      const r = await new Promise<IteratorResult<T>>((resolve, reject) => {
        this.waiting = resolve;
        this.failWaiting = reject;
      });
      if (r.done) return;
      yield r.value;
    }
  }
}

/**
 * Runs tasks with at most `limit` in flight. The task list may grow while it runs (a task can
 * append more); resolves when every task has finished, rejects on the first failure.
 */
export function runGrowingPool(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let active = 0;
    let failed = false;
    const pump = () => {
      if (failed) return;
      while (active < Math.max(1, limit) && next < tasks.length) {
        const task = tasks[next++]!;
        active++;
        task().then(
          () => {
            active--;
            pump();
          },
          (err: unknown) => {
            failed = true;
            reject(err);
          },
        );
      }
      if (next >= tasks.length && active === 0) resolve();
    };
    pump();
  });
}
