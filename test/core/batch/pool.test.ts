import { describe, expect, it } from 'vitest';
import { NoEndpointError, runPool, type Endpoint, type PoolOutcome } from '../../../src/core/batch/pool.js';
import { InputError } from '../../../src/core/errors.js';

const tick = (ms = 1) => new Promise((r) => setTimeout(r, ms));

/** A fake endpoint whose health can be switched and whose health checks are counted. */
function fakeEndpoint(id: string, limit: number, up = true) {
  const ep = { id, limit, up, checks: 0, async healthy() { ep.checks++; await tick(); return ep.up; } };
  return ep;
}

function collect<T, R>() {
  const outcomes: PoolOutcome<T, R>[] = [];
  return { outcomes, onSettled: (o: PoolOutcome<T, R>) => void outcomes.push(o) };
}

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('runPool', () => {
  it('runs every item and respects the global and per-endpoint limits', async () => {
    const a = fakeEndpoint('a', 2);
    const b = fakeEndpoint('b', 1);
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    let global = 0;
    let globalPeak = 0;
    const { outcomes, onSettled } = collect<number, string>();
    const stats = await runPool({
      items: items(12),
      endpoints: [a, b],
      work: async (i, { endpoint }) => {
        inFlight.set(endpoint.id, (inFlight.get(endpoint.id) ?? 0) + 1);
        peak.set(endpoint.id, Math.max(peak.get(endpoint.id) ?? 0, inFlight.get(endpoint.id)!));
        globalPeak = Math.max(globalPeak, ++global);
        await tick(3);
        inFlight.set(endpoint.id, inFlight.get(endpoint.id)! - 1);
        global--;
        return `${i}@${endpoint.id}`;
      },
      onSettled,
    });
    expect(stats).toMatchObject({ ok: 12, failed: 0, cancelled: 0 });
    expect(outcomes.map((o) => o.item).sort((x, y) => x - y)).toEqual(items(12));
    expect(peak.get('a')).toBe(2);
    expect(peak.get('b')).toBe(1);
    expect(globalPeak).toBe(3);
    expect(a.checks).toBe(1); // one health check before first use, shared by concurrent starts
  });

  it('caps in-flight work with concurrency below the endpoint limits', async () => {
    let now = 0;
    let peak = 0;
    await runPool({ items: items(10), endpoints: [fakeEndpoint('a', 8)], concurrency: 2, work: async () => { peak = Math.max(peak, ++now); await tick(2); now--; } });
    expect(peak).toBe(2);
  });

  it('skips an endpoint that is down from the start: all items finish on the healthy one', async () => {
    const up = fakeEndpoint('up', 2);
    const down = fakeEndpoint('down', 4, false);
    const downs: string[] = [];
    const { outcomes, onSettled } = collect<number, string>();
    const stats = await runPool({
      items: items(10), endpoints: [down, up], onSettled, onEndpointDown: (ep) => downs.push(ep.id),
      work: async (_i, { endpoint }) => { if (endpoint.id === 'down') throw new Error('unreachable'); await tick(); return endpoint.id; },
    });
    expect(stats.ok).toBe(10);
    expect(outcomes.every((o) => o.status === 'ok' && o.value === 'up')).toBe(true);
    expect(downs).toEqual(['down']);
    expect(stats.down).toEqual(['down']);
  });

  it('moves work to another endpoint when one dies mid-run (health check after the failure)', async () => {
    const a = fakeEndpoint('a', 1);
    const b = fakeEndpoint('b', 1);
    let bCalls = 0;
    const { outcomes, onSettled } = collect<number, string>();
    const stats = await runPool({
      items: items(8), endpoints: [a, b], onSettled,
      work: async (_i, { endpoint }) => {
        await tick(2);
        if (endpoint.id === 'b' && ++bCalls >= 2) {
          b.up = false;
          throw new Error('connection reset');
        }
        return endpoint.id;
      },
    });
    expect(stats.ok).toBe(8);
    expect(stats.failed).toBe(0);
    expect(stats.retried).toBe(1);
    expect(outcomes.filter((o) => o.status === 'ok' && o.value === 'b')).toHaveLength(1);
  });

  it('fails an item whose error is its own, without a health check or retry', async () => {
    const a = fakeEndpoint('a', 1);
    const { outcomes, onSettled } = collect<number, number>();
    await runPool({
      items: [1, 2, 3], endpoints: [a], onSettled, isItemError: (e) => e instanceof InputError,
      work: async (i) => { if (i === 2) throw new InputError('x', 'bad yaml'); return i; },
    });
    expect(outcomes.find((o) => o.item === 2)).toMatchObject({ status: 'failed' });
    expect(outcomes.filter((o) => o.status === 'ok')).toHaveLength(2);
    expect(a.checks).toBe(1);
  });

  it('fails an item when its endpoint is still healthy after the error', async () => {
    const a = fakeEndpoint('a', 1);
    const { outcomes, onSettled } = collect<number, number>();
    await runPool({ items: [1, 2], endpoints: [a], onSettled, work: async (i) => { if (i === 1) throw new Error('model said no'); return i; } });
    expect(outcomes.map((o) => o.status).sort()).toEqual(['failed', 'ok']);
    expect(a.checks).toBe(2);
  });

  it('fails every item with a clear error when all endpoints are down', async () => {
    const { outcomes, onSettled } = collect<number, number>();
    let calls = 0;
    const stats = await runPool({ items: items(5), endpoints: [fakeEndpoint('x', 2, false), fakeEndpoint('y', 2, false)], onSettled, work: async (i) => { calls++; return i; } });
    expect(calls).toBe(0);
    expect(stats.failed).toBe(5);
    const err = (outcomes[0] as { error: unknown }).error;
    expect(err).toBeInstanceOf(NoEndpointError);
    expect(String((err as Error).message)).toMatch(/no endpoint is available: x \(health check failed\), y \(health check failed\)/);
  });

  it('treats a throwing health check as down', async () => {
    const bad: Endpoint = { id: 'bad', limit: 1, healthy: async () => { throw new Error('ECONNREFUSED'); } };
    const { outcomes, onSettled } = collect<number, number>();
    await runPool({ items: [1], endpoints: [bad, fakeEndpoint('ok', 1)], onSettled, work: async (i) => i });
    expect(outcomes).toMatchObject([{ status: 'ok' }]);
  });

  it('stop: starts nothing new, lets in-flight items finish, cancels the rest', async () => {
    const stop = new AbortController();
    const { outcomes, onSettled } = collect<number, number>();
    const stats = await runPool({
      items: items(10), endpoints: [fakeEndpoint('a', 2)], stop: stop.signal, onSettled,
      work: async (i) => { if (i === 1) stop.abort(); await tick(5); return i; },
    });
    expect(stats.ok).toBe(2);
    expect(stats.cancelled).toBe(8);
    expect(outcomes.filter((o) => o.status === 'cancelled').every((o) => o.status === 'cancelled' && !o.started)).toBe(true);
  });

  it('abort: abandons in-flight items through their signal', async () => {
    const abort = new AbortController();
    const seen: boolean[] = [];
    const { outcomes, onSettled } = collect<number, number>();
    const stats = await runPool({
      items: items(4), endpoints: [fakeEndpoint('a', 2)], abort: abort.signal, onSettled,
      work: (i, { signal }) => new Promise<number>((resolve, reject) => {
        const t = setTimeout(() => resolve(i), 1000);
        signal.addEventListener('abort', () => { clearTimeout(t); seen.push(true); reject(signal.reason); });
        if (i === 1) setTimeout(() => abort.abort(), 5);
      }),
    });
    expect(stats.ok).toBe(0);
    expect(stats.cancelled).toBe(4);
    expect(seen).toHaveLength(2);
    expect(outcomes.filter((o) => o.status === 'cancelled' && o.started)).toHaveLength(2);
  });

  it('resolves at once for no items', async () => {
    await expect(runPool({ items: [], endpoints: [fakeEndpoint('a', 1)], work: async () => 1 })).resolves.toMatchObject({ ok: 0 });
  });
});
