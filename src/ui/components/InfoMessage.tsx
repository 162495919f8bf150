import { Text } from 'ink';
import { useTheme } from '../theme.js';
import { clean } from '../text.js';

/** Props of {@link InfoMessage}. */
export interface InfoMessageProps {
  readonly text: string;
  readonly tone?: 'plain' | 'success' | 'dim' | 'warning';
}

/** A one-paragraph status line from threatstorm (✓ for success, ⚠ for warnings). */
export function InfoMessage({ text, tone = 'plain' }: InfoMessageProps) {
  const t = useTheme();
  if (tone === 'warning') return <Text color={t.warning}>⚠ {clean(text)}</Text>;
  if (tone === 'success') return <Text color={t.success}>✓ {clean(text)}</Text>;
  return <Text dimColor={tone === 'dim'}>{clean(text)}</Text>;
}
