import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { clean } from '../text.js';

/** Props of {@link ErrorMessage}. */
export interface ErrorMessageProps {
  readonly text: string;
  /** How to fix it, shown dimmed under the message. */
  readonly hint?: string;
}

/** An error the user can act on: what went wrong, then how to fix it. The app keeps running. */
export function ErrorMessage({ text, hint }: ErrorMessageProps) {
  const t = useTheme();
  return (
    <Box flexDirection="column">
      <Text color={t.error}>
        <Text bold>✖ </Text>
        {clean(text)}
      </Text>
      {hint ? <Text dimColor>  {clean(hint)}</Text> : null}
    </Box>
  );
}
