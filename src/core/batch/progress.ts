import { singleLine } from '../export/escape.js';
import type { SummaryLine } from './manifest.js';

/**
 * Events a batch run streams to its caller (discriminated on `type`); the CLI reduces them with
 * {@link reduceProgress} into what the progress bar or the plain log shows.
 */
export type BatchEvent =
  | { readonly type: 'plan'; readonly total: number; readonly toRun: number; readonly upToDate: number; readonly failed: number; readonly outDir: string }
  | { readonly type: 'warning'; readonly message: string }
  | { readonly type: 'item-start'; readonly input: string; readonly endpoint: string }
  /** An input finished (ok, up to date, failed or skipped); `done` counts finished inputs so far. */
  | { readonly type: 'item-done'; readonly line: SummaryLine; readonly done: number; readonly total: number }
  | { readonly type: 'endpoint-down'; readonly endpoint: string; readonly reason: string }
  | { readonly type: 'stopping'; readonly abandon: boolean; readonly inFlight: number };

/** What a progress display shows. */
export interface ProgressState {
  readonly total: number;
  readonly done: number;
  readonly ok: number;
  readonly upToDate: number;
  readonly failed: number;
  readonly skipped: number;
  /** Inputs in flight, oldest first. */
  readonly running: readonly string[];
  /** Inputs worked on in this run (up-to-date ones excluded), for the rate. */
  readonly worked: number;
  /** When the first input started (ms), or null. */
  readonly startedAt: number | null;
  /** Inputs per second over this run's work. */
  readonly rate: number;
  /** Seconds left at the current rate, or null while unknown. */
  readonly etaSeconds: number | null;
  readonly failures: readonly { input: string; error: string }[];
  readonly endpointsDown: readonly string[];
  readonly stopping: 'no' | 'stop' | 'abandon';
}

/** The state before any event. */
export function initialProgress(): ProgressState {
  return {
    total: 0, done: 0, ok: 0, upToDate: 0, failed: 0, skipped: 0, running: [], worked: 0, startedAt: null, rate: 0, etaSeconds: null,
    failures: [], endpointsDown: [], stopping: 'no',
  };
}

/** Applies one event; `now` is a millisecond clock (injected for tests). */
export function reduceProgress(state: ProgressState, ev: BatchEvent, now: number = performance.now()): ProgressState {
  switch (ev.type) {
    case 'plan':
      return { ...state, total: ev.total };
    case 'item-start':
      return { ...state, running: [...state.running, ev.input], startedAt: state.startedAt ?? now };
    case 'item-done': {
      const l = ev.line;
      const upToDate = l.status === 'ok' && !!l.upToDate;
      const worked = state.worked + (upToDate || l.status === 'skipped' ? 0 : 1);
      const elapsed = state.startedAt === null ? 0 : (now - state.startedAt) / 1000;
      const rate = elapsed > 0 ? worked / elapsed : 0;
      const left = ev.total - ev.done;
      return {
        ...state,
        total: ev.total,
        done: ev.done,
        ok: state.ok + (l.status === 'ok' && !upToDate ? 1 : 0),
        upToDate: state.upToDate + (upToDate ? 1 : 0),
        failed: state.failed + (l.status === 'failed' ? 1 : 0),
        skipped: state.skipped + (l.status === 'skipped' ? 1 : 0),
        running: removeOne(state.running, l.input),
        worked,
        rate,
        etaSeconds: rate > 0 ? left / rate : left === 0 ? 0 : null,
        failures: l.status === 'failed' ? [...state.failures, { input: l.input, error: l.error ?? 'failed' }] : state.failures,
      };
    }
    case 'endpoint-down':
      return { ...state, endpointsDown: [...state.endpointsDown, ev.endpoint] };
    case 'stopping':
      return { ...state, stopping: ev.abandon ? 'abandon' : 'stop' };
    default:
      return state;
  }
}

function removeOne(list: readonly string[], item: string): string[] {
  const i = list.indexOf(item);
  return i < 0 ? [...list] : [...list.slice(0, i), ...list.slice(i + 1)];
}

/** `3 high` / `1 critical, 3 high`: the serious counts of a line, or ''. */
export function seriousText(line: SummaryLine): string {
  const parts: string[] = [];
  if (line.counts.critical) parts.push(`${line.counts.critical} critical`);
  if (line.counts.high) parts.push(`${line.counts.high} high`);
  return parts.join(', ');
}

/** One plain progress line: `[12/200] ok docs/x.md 14 cases (3 high)`. */
export function formatItemLine(line: SummaryLine, done: number, total: number): string {
  const at = `[${done}/${total}]`;
  const input = singleLine(line.input); // file names may hold escape sequences
  if (line.status === 'failed') return `${at} failed ${input}: ${singleLine(line.error ?? 'unknown error')}`;
  if (line.status === 'skipped') return `${at} skipped ${input} (${singleLine(line.error ?? 'not done')})`;
  const serious = seriousText(line);
  const cases = `${line.caseCount} case${line.caseCount === 1 ? '' : 's'}${serious ? ` (${serious})` : ''}`;
  return `${at} ${line.upToDate ? 'up to date' : 'ok'} ${input} ${cases}`;
}

/** `1m 05s`, `42s`, `—` for unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
