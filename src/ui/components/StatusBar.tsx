import { Box, Text } from 'ink';
import type { ChatState } from '../../core/chat/state.js';
import { caseCounts } from '../../core/chat/state.js';
import { useTheme } from '../theme.js';
import { formatTokens, oneLine } from '../text.js';

const SHORT = { critical: 'crit', high: 'high', medium: 'med', low: 'low' } as const;

/** Props of {@link StatusBar}. */
export interface StatusBarProps {
  readonly state: Pick<ChatState, 'provider' | 'modelName' | 'kbPatterns' | 'usage' | 'runUsage' | 'guard' | 'model' | 'focus' | 'interview'>;
}

/**
 * The bottom line: provider and model, KB size, tokens used, guard status, then case counts (by
 * level; ✓ accepted, ✗ rejected). On narrow terminals the counts wrap onto a second line.
 */
export function StatusBar({ state }: StatusBarProps) {
  const t = useTheme();
  const counts = caseCounts(state.model);
  const tokens = state.usage.promptTokens + state.usage.completionTokens + state.runUsage.promptTokens + state.runUsage.completionTokens;
  const levels = (['critical', 'high', 'medium', 'low'] as const).filter((l) => counts.byLevel[l]);
  // Two halves that share one line when the terminal is wide enough and wrap onto two at 80 columns.
  return (
    <Box flexWrap="wrap" columnGap={3}>
      <Text wrap="truncate-end">
        <Text color={t.accent}>{state.provider}</Text>
        {state.modelName ? <Text> · {oneLine(state.modelName, 30)}</Text> : null}
        <Text dimColor> │ KB {state.kbPatterns} │ {formatTokens(tokens)} tok │ </Text>
        <Text color={t.verdict(state.guard.verdict)}>guard {state.guard.verdict}</Text>
        {state.focus ? <Text dimColor> │ focus {state.focus}</Text> : null}
      </Text>
      <Text wrap="truncate-end">
        {counts.total ? (
          <Text>
            {counts.total} cases:
            {levels.map((l) => (
              <Text key={l} color={t.severity(l)}>
                {' '}
                {counts.byLevel[l]} {SHORT[l]}
              </Text>
            ))}
            <Text dimColor>
              {' '}
              │ ✓{counts.accepted} ✗{counts.rejected}
            </Text>
          </Text>
        ) : (
          <Text dimColor>no cases</Text>
        )}
        {state.interview ? <Text color={t.accent}> │ interview {state.interview.index + 1}/{state.interview.questions.length}</Text> : null}
      </Text>
    </Box>
  );
}
