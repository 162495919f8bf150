import type { Component, LoadedPattern, SystemModel, ThreatPattern } from '../../src/core/domain/index.js';
import { ThreatPatternSchema, SystemModelSchema } from '../../src/core/domain/index.js';

/** A valid pattern with overridable fields, validated by the real schema. */
export function makePattern(over: Partial<ThreatPattern> & { id: string }): LoadedPattern {
  const base = {
    title: `Pattern ${over.id} against {target}`,
    summary: 'An attacker does something harmful to {target} in {system}.',
    threatClass: 'prompt-injection',
    stride: ['Tampering'],
    atlas: ['AML.T0051.000'],
    owaspLlm: ['LLM01:2025'],
    owaspMl: [],
    appliesTo: { kinds: ['llm'] },
    actor: 'A user of {target}',
    preconditions: ['{target} reads input from {sources}'],
    steps: ['Write a crafted prompt', '{target} obeys it and sends it to {sinks}'],
    impact: 'The attacker steers {target}.',
    likelihood: 'medium',
    severity: 'high',
    mitigations: { prevent: ['Separate data from instructions'], detect: ['Log prompts'], respond: ['Revoke access'] },
    signals: ['Unusual prompts'],
    redTeam: ['Send a crafted prompt to {target}'],
    questions: ['Who can write to {target}?'],
  };
  const parsed = ThreatPatternSchema.parse({ ...base, ...over });
  return { ...parsed, body: 'Body text long enough.', file: `test:${over.id}` };
}

/** A component with defaults. */
export function comp(id: string, kind: Component['kind'], properties: Component['properties'] = [], name?: string): Component {
  return { id, name: name ?? id.replace(/-/g, ' '), kind, properties, lines: [] };
}

/** A validated system model. */
export function makeSystem(components: Component[], flows: [string, string][] = [], name = 'Test system'): SystemModel {
  return SystemModelSchema.parse({
    name,
    components,
    dataFlows: flows.map(([from, to], i) => ({ id: `f${i + 1}`, from, to })),
  });
}
