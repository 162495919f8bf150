import { Box, Text } from 'ink';
import type { Verdict } from '../../core/domain/index.js';
import type { BannerFinding } from '../../core/chat/history.js';
import { useTheme } from '../theme.js';
import { oneLine } from '../text.js';

/** Props of {@link GuardBanner}. */
export interface GuardBannerProps {
  readonly source: string;
  readonly verdict: Verdict;
  readonly findings: readonly BannerFinding[];
}

/** Findings listed in the banner; the rest are counted. */
const SHOWN = 5;

/**
 * The injection guard's warning: a yellow (suspicious) or red (injection) box naming the kinds
 * of instruction-like text found and their lines. The text is treated as data either way.
 */
export function GuardBanner({ source, verdict, findings }: GuardBannerProps) {
  const t = useTheme();
  const colour = t.verdict(verdict);
  const kinds = [...new Set(findings.map((f) => f.kind))];
  const what = source === 'chat' ? 'your message' : source === 'paste' ? 'the pasted text' : oneLine(source, 60);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={colour} paddingX={1}>
      <Text color={colour} bold wrap="truncate-end">
        ⚠ {verdict === 'injection' ? 'Prompt injection' : 'Suspicious text'} in {what}
      </Text>
      <Text>Text that looks like instructions to an AI; it is treated as data only.</Text>
      <Text>Kinds: {kinds.join(', ') || 'unknown'}</Text>
      {findings.slice(0, SHOWN).map((f, i) => (
        <Text key={i} wrap="truncate-end">
          {'  '}
          {f.line ? `line ${f.line}` : 'line ?'} · {f.kind} ({f.hiding}): {oneLine(f.excerpt, 70)}
        </Text>
      ))}
      {findings.length > SHOWN ? <Text dimColor>  … and {findings.length - SHOWN} more (/scan lists them)</Text> : null}
    </Box>
  );
}
