import { errorMessage } from '../errors.js';

/**
 * Where work runs: a model server (one `--ollama-host`), or the implicit local endpoint offline.
 * `limit` caps the items in flight on it; `healthy()` is asked before first use and after a failure.
 */
export interface Endpoint {
  readonly id: string;
  readonly limit: number;
  healthy(): Promise<boolean>;
}

/** Id of the implicit endpoint used offline. */
export const LOCAL_ENDPOINT_ID = 'local';

/** The implicit local "endpoint" of an offline run: always healthy, `limit` items at once. */
export function localEndpoint(limit: number): Endpoint {
  return { id: LOCAL_ENDPOINT_ID, limit: Math.max(1, limit), healthy: async () => true };
}

/** Raised for the items left when every endpoint is down. */
export class NoEndpointError extends Error {
  constructor(readonly down: readonly { id: string; reason: string }[]) {
    super(`no endpoint is available: ${down.map((d) => `${d.id} (${d.reason})`).join(', ')}. Check the servers are running and reachable, or use --provider offline.`);
    this.name = 'NoEndpointError';
  }
}

/** Context handed to the work function. */
export interface WorkContext {
  /** Fires when in-flight work is abandoned (second Ctrl-C). */
  readonly signal: AbortSignal;
  readonly endpoint: Endpoint;
}

/** How one item ended. `cancelled`: never started (stop) or abandoned in flight (abort). */
export type PoolOutcome<T, R> =
  | { readonly item: T; readonly status: 'ok'; readonly value: R; readonly endpoint: Endpoint }
  | { readonly item: T; readonly status: 'failed'; readonly error: unknown; readonly endpoint?: Endpoint }
  | { readonly item: T; readonly status: 'cancelled'; readonly started: boolean };

/** Options of {@link runPool}. */
export interface PoolOptions<T, R> {
  readonly items: readonly T[];
  readonly endpoints: readonly Endpoint[];
  /** Items in flight across all endpoints (default: the sum of the endpoint limits). */
  readonly concurrency?: number;
  readonly work: (item: T, ctx: WorkContext) => Promise<R>;
  /** Errors caused by the item itself (bad input): no health check, no retry elsewhere. */
  readonly isItemError?: (err: unknown) => boolean;
  /** Stop starting new items; in-flight items finish. */
  readonly stop?: AbortSignal;
  /** Abandon in-flight items (passed to `work` as its signal). */
  readonly abort?: AbortSignal;
  readonly onStart?: (item: T, endpoint: Endpoint) => void;
  /** Called once per item, in completion order; the slot is freed after it resolves. */
  readonly onSettled?: (outcome: PoolOutcome<T, R>) => void | Promise<void>;
  readonly onEndpointDown?: (endpoint: Endpoint, reason: string) => void;
}

/** Totals of a pool run. */
export interface PoolStats {
  ok: number;
  failed: number;
  cancelled: number;
  /** Items moved to another endpoint because theirs went down. */
  retried: number;
  down: string[];
}

interface EndpointState {
  readonly ep: Endpoint;
  inFlight: number;
  health: 'unknown' | 'up' | 'down';
  reason: string;
  check?: Promise<boolean>;
}

/**
 * Runs `work` over `items` with at most `concurrency` in flight, spread over endpoints by their
 * limits (least loaded first). An endpoint is health-checked before its first item and after any
 * failure that is not the item's fault; if it is down it is skipped for the rest of the run and
 * the item is retried on another one. When all are down the remaining items fail with
 * {@link NoEndpointError}. Resolves when every item has settled.
 */
export function runPool<T, R>(opts: PoolOptions<T, R>): Promise<PoolStats> {
  const states = opts.endpoints.map((ep): EndpointState => ({ ep, inFlight: 0, health: 'unknown', reason: '' }));
  const total = opts.concurrency ?? states.reduce((n, s) => n + Math.max(1, s.ep.limit), 0);
  const concurrency = Math.max(1, total);
  const neverAborted = new AbortController().signal;
  const signal = opts.abort ?? neverAborted;
  const queue = [...opts.items];
  const stats: PoolStats = { ok: 0, failed: 0, cancelled: 0, retried: 0, down: [] };
  let inFlight = 0;
  let settling = 0;

  return new Promise<PoolStats>((resolvePool, rejectPool) => {
    let finished = false;
    const finishIfDone = () => {
      if (!finished && !queue.length && inFlight === 0 && settling === 0) {
        finished = true;
        opts.stop?.removeEventListener('abort', pump);
        signal.removeEventListener('abort', pump);
        resolvePool(stats);
      }
    };

    const settle = async (outcome: PoolOutcome<T, R>) => {
      if (outcome.status === 'ok') stats.ok++;
      else if (outcome.status === 'failed') stats.failed++;
      else stats.cancelled++;
      await opts.onSettled?.(outcome);
    };

    const checkHealth = (s: EndpointState, force: boolean): Promise<boolean> => {
      if (s.health === 'down') return Promise.resolve(false);
      if (s.health === 'up' && !force) return Promise.resolve(true);
      s.check ??= (async () => {
        let ok = false;
        try {
          ok = await s.ep.healthy();
          if (!ok) s.reason = 'health check failed';
        } catch (err) {
          s.reason = `health check failed: ${errorMessage(err)}`;
        }
        s.check = undefined;
        if (ok) s.health = 'up';
        else if (s.health !== 'down') {
          s.health = 'down';
          stats.down.push(s.ep.id);
          opts.onEndpointDown?.(s.ep, s.reason);
        }
        return ok;
      })();
      return s.check;
    };

    const pick = (): EndpointState | undefined => {
      let best: EndpointState | undefined;
      for (const s of states) {
        if (s.health === 'down' || s.inFlight >= Math.max(1, s.ep.limit)) continue;
        const load = s.inFlight / Math.max(1, s.ep.limit);
        if (!best || load < best.inFlight / Math.max(1, best.ep.limit)) best = s;
      }
      return best;
    };

    const start = async (item: T, s: EndpointState) => {
      inFlight++;
      s.inFlight++;
      let requeue = false;
      try {
        if (!(await checkHealth(s, false))) {
          requeue = true;
          return;
        }
        if (signal.aborted) {
          await settle({ item, status: 'cancelled', started: false });
          return;
        }
        opts.onStart?.(item, s.ep);
        let value: R;
        try {
          value = await opts.work(item, { signal, endpoint: s.ep });
        } catch (err) {
          if (signal.aborted) {
            await settle({ item, status: 'cancelled', started: true });
          } else if (opts.isItemError?.(err) || (await checkHealth(s, true))) {
            await settle({ item, status: 'failed', error: err, endpoint: s.ep });
          } else {
            stats.retried++;
            requeue = true;
          }
          return;
        }
        await settle({ item, status: 'ok', value, endpoint: s.ep });
      } catch (err) {
        rejectPool(err); // a bug in a callback, not in the work
      } finally {
        inFlight--;
        s.inFlight--;
        if (requeue) queue.unshift(item);
        pump();
      }
    };

    /** Settles every queued item at once (they count as pending until their callbacks are done). */
    function settleLeft(outcome: (item: T) => PoolOutcome<T, R>): void {
      for (const item of queue.splice(0)) {
        settling++;
        void settle(outcome(item)).then(() => {
          settling--;
          finishIfDone();
        }, rejectPool);
      }
    }

    function pump(): void {
      if (finished) return;
      if (opts.stop?.aborted || signal.aborted) {
        settleLeft((item) => ({ item, status: 'cancelled', started: false }));
        return finishIfDone();
      }
      while (queue.length && inFlight < concurrency) {
        if (states.every((s) => s.health === 'down')) {
          const error = new NoEndpointError(states.map((s) => ({ id: s.ep.id, reason: s.reason || 'down' })));
          settleLeft((item) => ({ item, status: 'failed', error }));
          return finishIfDone();
        }
        const s = pick();
        if (!s) break; // every live endpoint is at its limit: wait for a slot
        void start(queue.shift()!, s);
      }
      finishIfDone();
    }

    opts.stop?.addEventListener('abort', pump);
    signal.addEventListener('abort', pump);
    pump();
  });
}
