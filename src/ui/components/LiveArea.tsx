import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import type { Pending } from '../../core/chat/state.js';
import { useTheme } from '../theme.js';
import { clean, oneLine } from '../text.js';

/** Lines of a streaming answer shown live; finished paragraphs have already moved into history. */
const LIVE_LINES = 12;

/** What is in flight: stage and spinner, the case just generated, or the answer streaming in. */
export function LiveArea({ pending }: { readonly pending: Pending }) {
  const t = useTheme();
  if (pending.task === 'answer') {
    const lines = clean(pending.text).split('\n');
    return (
      <Box flexDirection="column" paddingLeft={2} marginTop={1}>
        {!pending.flushed ? <Text color={t.accent}>◆ {oneLine(pending.label, 40)}</Text> : null}
        {pending.text ? <Text>{lines.slice(-LIVE_LINES).join('\n')}</Text> : null}
        <Text color={t.accent}>
          <Spinner type="dots" /> <Text dimColor>thinking · Ctrl-C cancels</Text>
        </Text>
      </Box>
    );
  }
  if (pending.task === 'work') {
    return (
      <Box marginTop={1}>
        <Text color={t.accent}>
          <Spinner type="dots" /> <Text dimColor>{pending.label} · Ctrl-C cancels</Text>
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={t.accent} wrap="truncate-end">
        <Spinner type="dots" />{' '}
        <Text bold>{pending.stage ?? 'starting'}</Text>
        <Text dimColor>
          {pending.detail ? ` · ${oneLine(pending.detail, 40)}` : ''} · {pending.count} case{pending.count === 1 ? '' : 's'} so far · Ctrl-C cancels
        </Text>
      </Text>
      {pending.latest ? (
        <Text wrap="truncate-end" dimColor>
          {'  '}latest: {pending.latest.id} <Text color={t.severity(pending.latest.level)}>{pending.latest.level}</Text> {oneLine(pending.latest.title, 100)}
        </Text>
      ) : null}
    </Box>
  );
}
