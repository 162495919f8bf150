import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { clean } from '../text.js';

/** What the user typed, echoed with the prompt marker. */
export function UserMessage({ text }: { readonly text: string }) {
  const t = useTheme();
  return (
    <Box>
      <Text color={t.user} bold>
        {'› '}
      </Text>
      <Text color={t.user}>{clean(text)}</Text>
    </Box>
  );
}
