import { Box, Text } from 'ink';
import type { ReportSection } from '../../core/chat/history.js';
import { useTheme } from '../theme.js';
import { clean } from '../text.js';

/** Props of {@link Report}. */
export interface ReportProps {
  readonly title: string;
  readonly lead?: string;
  readonly sections: readonly ReportSection[];
  readonly footer?: string;
}

/** Width of the label column: the longest label in the report plus two spaces. */
function labelWidth(lines: readonly ReportSection['lines'][number][]): number {
  return Math.max(0, ...lines.map((l) => (l.label ? Array.from(l.label).length : 0))) + 2;
}

/** A structured answer or listing: a title, a lead sentence, sections of lines, a hint. */
export function Report({ title, lead, sections, footer }: ReportProps) {
  const t = useTheme();
  const lw = labelWidth(sections.flatMap((s) => s.lines));
  return (
    <Box flexDirection="column">
      <Text color={t.accent} bold>
        {clean(title)}
      </Text>
      {lead ? <Text>{clean(lead)}</Text> : null}
      {sections.map((s, i) => (
        <Box key={i} flexDirection="column" marginTop={s.heading ? 1 : 0}>
          {s.heading ? <Text bold>{clean(s.heading)}</Text> : null}
          {s.lines.map((l, k) => (
            <Box key={k} paddingLeft={2}>
              {l.label !== undefined ? (
                <Box flexShrink={0} width={lw}>
                  <Text>{clean(l.label)}</Text>
                </Box>
              ) : null}
              {l.level ? (
                <Box flexShrink={0}>
                  <Text color={t.severity(l.level)}>■ </Text>
                </Box>
              ) : null}
              <Text>{clean(l.text)}</Text>
            </Box>
          ))}
        </Box>
      ))}
      {footer ? (
        <Box marginTop={1}>
          <Text dimColor>{clean(footer)}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
