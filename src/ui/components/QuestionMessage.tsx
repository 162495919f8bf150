import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { clean } from '../text.js';

/** Props of {@link QuestionMessage}. */
export interface QuestionMessageProps {
  readonly index: number;
  readonly total: number;
  readonly text: string;
  readonly cases: readonly string[];
}

/** One interview question, with the cases it comes from. */
export function QuestionMessage({ index, total, text, cases }: QuestionMessageProps) {
  const t = useTheme();
  return (
    <Box flexDirection="column" borderStyle="single" borderColor={t.accent} borderLeft borderRight={false} borderTop={false} borderBottom={false} paddingLeft={1}>
      <Text color={t.accent} bold>
        Question {index}/{total}
      </Text>
      <Text>{clean(text)}</Text>
      <Text dimColor>from {cases.join(', ')} · answer, /skip or /stop</Text>
    </Box>
  );
}
