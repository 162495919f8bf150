import { Box, Text } from 'ink';
import type { EditorState } from '../state/lineEditor.js';
import type { PasteBuffer } from '../state/paste.js';
import { useTheme } from '../theme.js';
import { clean } from '../text.js';

/** Props of {@link InputPrompt}. */
export interface InputPromptProps {
  readonly editor: EditorState;
  readonly paste: PasteBuffer | null;
  readonly candidates: readonly string[];
  readonly notice: string | null;
  /** Shown dimmed when the line is empty. */
  readonly placeholder: string;
}

/** Candidates shown under the line; the rest are counted. */
const MAX_CANDIDATES = 8;
/** Last lines of a paste shown while pasting. */
const PASTE_TAIL = 3;

/** The input line with its cursor, paste-mode preview, Tab candidates and a one-off notice. */
export function InputPrompt({ editor, paste, candidates, notice, placeholder }: InputPromptProps) {
  const t = useTheme();
  const before = editor.value.slice(0, editor.cursor);
  const at = editor.value.slice(editor.cursor, editor.cursor + 1) || ' ';
  const after = editor.value.slice(editor.cursor + 1);
  return (
    <Box flexDirection="column" marginTop={1}>
      {paste ? (
        <Box flexDirection="column">
          <Text color={t.accent}>
            Paste mode · {paste.lines.length} line{paste.lines.length === 1 ? '' : 's'} · end with a line "." or Ctrl-D · Esc cancels
          </Text>
          {paste.lines.slice(-PASTE_TAIL).map((l, i) => (
            <Text key={i} dimColor wrap="truncate-end">
              ┆ {clean(l)}
            </Text>
          ))}
        </Box>
      ) : null}
      <Box borderStyle="round" borderColor={t.muted} paddingX={1}>
        <Text color={t.user} bold>
          {paste ? '┆ ' : '› '}
        </Text>
        {editor.value ? (
          <Text>
            {before}
            <Text inverse>{at}</Text>
            {after}
          </Text>
        ) : (
          <Text>
            <Text inverse> </Text>
            <Text dimColor>{paste ? '' : placeholder}</Text>
          </Text>
        )}
      </Box>
      {candidates.length ? (
        <Text dimColor wrap="truncate-end">
          {'  '}
          {candidates.slice(0, MAX_CANDIDATES).join('  ')}
          {candidates.length > MAX_CANDIDATES ? `  … +${candidates.length - MAX_CANDIDATES}` : ''}
        </Text>
      ) : null}
      {notice ? <Text color={t.warning}>{'  '}{notice}</Text> : null}
    </Box>
  );
}
