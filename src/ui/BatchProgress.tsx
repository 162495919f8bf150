import { Box, Static, Text } from 'ink';
import { singleLine } from '../core/export/escape.js';
import { formatDuration, type ProgressState } from '../core/batch/progress.js';

/** Props of {@link BatchProgress}: the reduced progress state (the CLI owns it and re-renders). */
export interface BatchProgressProps {
  readonly state: ProgressState;
  /** Width of the bar in cells. */
  readonly barWidth?: number;
  /** How many in-flight inputs to list. */
  readonly maxRunning?: number;
}

/** A text progress bar: `█` for done, `░` for the rest. */
export function progressBar(done: number, total: number, width: number): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/**
 * Progress of `threatstorm batch` on a terminal (rendered to stderr): failures scroll above in
 * `<Static>`, below them the bar, the counts (done, up to date, failed, skipped), the rate, the
 * ETA and the inputs in flight. Props in, `<Box>/<Text>` out: the state lives in the CLI.
 */
export function BatchProgress({ state, barWidth = 30, maxRunning = 4 }: BatchProgressProps) {
  const pct = state.total ? Math.floor((state.done / state.total) * 100) : 0;
  const running = state.running.slice(0, maxRunning);
  const more = state.running.length - running.length;
  return (
    <Box flexDirection="column">
      <Static items={state.failures.map((f, i) => ({ ...f, key: `${i}` }))}>
        {(f) => (
          <Text key={f.key} color="red">
            ✗ {singleLine(f.input)}: {singleLine(f.error)}
          </Text>
        )}
      </Static>
      <Text>
        <Text color="cyan">{progressBar(state.done, state.total, barWidth)}</Text> {state.done}/{state.total} ({pct}%)
      </Text>
      <Text>
        <Text color="green">ok {state.ok}</Text>
        <Text dimColor> · up to date {state.upToDate}</Text>
        {' · '}
        <Text color={state.failed ? 'red' : undefined}>failed {state.failed}</Text>
        {state.skipped ? <Text color="yellow"> · skipped {state.skipped}</Text> : null}
        <Text dimColor>
          {' · '}
          {state.rate ? `${state.rate.toFixed(1)}/s` : '…/s'} · ETA {formatDuration(state.etaSeconds)}
        </Text>
      </Text>
      {running.map((r, i) => (
        <Text key={`${i}:${r}`} dimColor>
          ▸ {singleLine(r)}
        </Text>
      ))}
      {more > 0 ? <Text dimColor>  … and {more} more in flight</Text> : null}
      {state.endpointsDown.length ? <Text color="yellow">endpoint down: {state.endpointsDown.map(singleLine).join(', ')}</Text> : null}
      {state.stopping === 'stop' ? <Text color="yellow">stopping: letting {state.running.length} in-flight input(s) finish (Ctrl-C again to abandon them)</Text> : null}
      {state.stopping === 'abandon' ? <Text color="yellow">abandoning in-flight inputs…</Text> : null}
    </Box>
  );
}
