import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { clean } from '../text.js';

/** Props of {@link AssistantMessage}. */
export interface AssistantMessageProps {
  readonly text: string;
  /** Model name; set on the first chunk of an answer, which then carries a header. */
  readonly model?: string;
}

/** A model's answer (or one finished chunk of it), sanitised. */
export function AssistantMessage({ text, model }: AssistantMessageProps) {
  const t = useTheme();
  return (
    <Box flexDirection="column" paddingLeft={2}>
      {model ? <Text color={t.accent}>◆ {clean(model)}</Text> : null}
      <Text>{clean(text)}</Text>
    </Box>
  );
}
