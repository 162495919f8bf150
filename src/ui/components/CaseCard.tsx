import { Box, Text } from 'ink';
import type { MisuseCase } from '../../core/domain/index.js';
import { useTheme } from '../theme.js';
import { oneLine, strideLetters, taxonomyIds } from '../text.js';

const STATUS_MARK: Record<MisuseCase['status'], string> = { open: '●', accepted: '✓', rejected: '✗' };

/** Props of {@link CaseCard}. */
export interface CaseCardProps {
  readonly c: MisuseCase;
}

/**
 * A misuse case in two lines: status mark, id, level (coloured) and title; then target,
 * STRIDE letters, risk score and ATLAS/OWASP ids. Both lines truncate, so 80 columns stay tidy.
 */
export function CaseCard({ c }: CaseCardProps) {
  const t = useTheme();
  const colour = t.severity(c.risk.level);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color={colour}>{STATUS_MARK[c.status]} </Text>
        <Text bold>{c.id}</Text> <Text color={colour} bold>{c.risk.level.toUpperCase().padEnd(9)}</Text>
        {oneLine(c.title, 160)}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {'  '}
        {oneLine(c.targets.join(', '), 40)} · STRIDE {strideLetters(c.stride)} · risk {c.risk.score} · {taxonomyIds(c) || 'no taxonomy ids'}
      </Text>
    </Box>
  );
}
