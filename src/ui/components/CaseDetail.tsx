import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { MisuseCase } from '../../core/domain/index.js';
import { useTheme } from '../theme.js';
import { clean, oneLine, strideLetters, taxonomyIds } from '../text.js';

function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>{label}</Text>
      {children}
    </Box>
  );
}

function List({ items, numbered = false }: { readonly items: readonly string[]; readonly numbered?: boolean }) {
  return (
    <>
      {items.map((s, i) => (
        <Box key={i}>
          <Box flexShrink={0}>
            <Text>{numbered ? `  ${i + 1}. ` : '  • '}</Text>
          </Box>
          <Text>{clean(s)}</Text>
        </Box>
      ))}
    </>
  );
}

/** The expanded view of one case (`/show ID`): everything the case says, sanitised. */
export function CaseDetail({ c }: { readonly c: MisuseCase }) {
  const t = useTheme();
  const colour = t.severity(c.risk.level);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={colour} paddingX={1}>
      <Text>
        <Text bold>{c.id}</Text> <Text color={colour} bold>{c.risk.level.toUpperCase()} {c.risk.score}</Text>{' '}
        <Text bold>{oneLine(c.title, 200)}</Text>
      </Text>
      <Text dimColor>
        {c.status} · {c.threatClass} · STRIDE {strideLetters(c.stride)} · likelihood {c.likelihood} · severity {c.severity} · {c.provenance.source}
      </Text>
      {c.summary ? <Text>{clean(c.summary)}</Text> : null}
      <Text>
        <Text bold>Actor: </Text>
        {clean(c.actor)}
      </Text>
      <Text>
        <Text bold>Targets: </Text>
        {c.targets.join(', ')}
        {c.flows.length ? ` · flows ${c.flows.join(', ')}` : ''}
      </Text>
      {c.preconditions.length ? (
        <Field label="Preconditions">
          <List items={c.preconditions} />
        </Field>
      ) : null}
      <Field label="Attack steps">
        <List items={c.steps} numbered />
      </Field>
      <Field label="Impact">
        <Text>{clean(c.impact)}</Text>
      </Field>
      <Field label="Mitigations">
        {c.mitigations.map((m, i) => (
          <Box key={i} paddingLeft={2}>
            <Box flexShrink={0}>
              <Text color={m.status === 'implemented' ? t.success : undefined}>{`[${m.type}${m.status === 'proposed' ? '' : `, ${m.status}`}] `}</Text>
            </Box>
            <Text>{clean(m.text)}</Text>
          </Box>
        ))}
      </Field>
      {c.signals.length ? (
        <Field label="Signals">
          <List items={c.signals} />
        </Field>
      ) : null}
      {c.redTeamTests.length ? (
        <Field label="Red-team tests">
          <List items={c.redTeamTests} />
        </Field>
      ) : null}
      {c.reviewQuestions.length ? (
        <Field label="Review questions">
          <List items={c.reviewQuestions} />
        </Field>
      ) : null}
      {c.risk.factors.length ? (
        <Field label="Risk factors">
          <List items={c.risk.factors} />
        </Field>
      ) : null}
      {c.notes.length ? (
        <Field label="Notes">
          <List items={c.notes} />
        </Field>
      ) : null}
      <Box marginTop={1}>
        <Text dimColor>
          {taxonomyIds(c) || 'no taxonomy ids'}
          {c.references.patterns.length ? ` · patterns ${c.references.patterns.join(', ')}` : ''}
        </Text>
      </Box>
    </Box>
  );
}
