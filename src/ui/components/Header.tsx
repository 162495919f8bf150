import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

/** Props of {@link Header}. */
export interface HeaderProps {
  readonly version: string;
  readonly resumed?: string;
}

/** The banner printed once at the top of the conversation. */
export function Header({ version, resumed }: HeaderProps) {
  const t = useTheme();
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={t.accent} bold>
          threatstorm
        </Text>
        <Text dimColor> {version} · interactive threat modelling for AI systems</Text>
      </Text>
      <Text dimColor>
        {resumed ? `Resumed session ${resumed}. ` : ''}/load FILE or /paste an architecture, then ask about it. /help lists commands.
      </Text>
    </Box>
  );
}
