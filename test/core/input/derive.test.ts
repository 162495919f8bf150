import { describe, expect, it } from 'vitest';
import { SystemModelSchema, type Component, type ComponentKind, type ComponentProperty, type SystemModel } from '../../../src/core/domain/system.js';
import { deriveSystem } from '../../../src/core/input/derive.js';

type C = [id: string, kind: ComponentKind, props?: ComponentProperty[]];

/** Builds a valid system model from compact components and "a>b" flows. */
function model(components: C[], flows: string[], extra: Partial<SystemModel> = {}): SystemModel {
  return SystemModelSchema.parse({
    name: 'Test',
    components: components.map(([id, kind, properties = []]) => ({ id, name: id.toUpperCase(), kind, properties })),
    dataFlows: flows.map((f, i) => {
      const [from, to] = f.split('>');
      return { id: `f${i + 1}`, from, to };
    }),
    ...extra,
  });
}
const comp = (s: SystemModel, id: string): Component => s.components.find((c) => c.id === id)!;
const props = (s: SystemModel, id: string): ComponentProperty[] => comp(s, id).properties;

describe('deriveSystem: properties from flows', () => {
  it('an LLM fed by a user (through a service) accepts user input', () => {
    const s = deriveSystem(model([['u', 'user'], ['fe', 'frontend'], ['api', 'service'], ['llm', 'llm']], ['u>fe', 'fe>api', 'api>llm']));
    expect(props(s, 'llm')).toContain('accepts-user-input');
  });
  it('does not give user input to an LLM nothing user-facing reaches', () => {
    const s = deriveSystem(model([['job', 'service'], ['llm', 'llm']], ['job>llm']));
    expect(props(s, 'llm')).not.toContain('accepts-user-input');
  });
  it('an agent fed by a vector store does retrieval on untrusted content', () => {
    const s = deriveSystem(model([['vs', 'vector-store'], ['agent', 'agent']], ['vs>agent']));
    expect(props(s, 'agent')).toEqual(expect.arrayContaining(['retrieval', 'untrusted-content']));
  });
  it.each<ComponentKind>(['email', 'web-content', 'storage', 'external-service'])('an LLM fed by %s reads untrusted content', (kind) => {
    const s = deriveSystem(model([['src', kind], ['llm', 'llm']], ['src>llm']));
    expect(props(s, 'llm')).toContain('untrusted-content');
  });
  it('a database feeding the LLM is not untrusted content', () => {
    const s = deriveSystem(model([['db', 'database'], ['llm', 'llm']], ['db>llm']));
    expect(props(s, 'llm')).not.toContain('untrusted-content');
  });
  it('does not walk through stores: storage → indexer → vector store → LLM is retrieval, not direct storage input', () => {
    const s = deriveSystem(model([['st', 'storage'], ['idx', 'service'], ['vs', 'vector-store'], ['llm', 'llm']], ['st>idx', 'idx>vs', 'vs>llm']));
    expect(props(s, 'llm')).toContain('retrieval');
    expect(props(s, 'vs')).toEqual([]);
  });
});

describe('deriveSystem: capabilities', () => {
  it('an agent inherits the capabilities of the tools it uses, in either direction', () => {
    const s = deriveSystem(model(
      [['agent', 'agent'], ['mail', 'tool', ['sends-email']], ['pay', 'tool', ['financial-actions']], ['db-tool', 'tool', ['writes-data']]],
      ['agent>mail', 'pay>agent', 'agent>db-tool'],
    ));
    expect(props(s, 'agent')).toEqual(expect.arrayContaining(['sends-email', 'financial-actions', 'writes-data', 'calls-external-apis']));
  });
  it('an LLM connected to a code interpreter executes code (and the interpreter is marked too)', () => {
    const s = deriveSystem(model([['llm', 'llm'], ['sandbox', 'code-interpreter', ['browses-web']]], ['llm>sandbox']));
    expect(props(s, 'llm')).toEqual(expect.arrayContaining(['executes-code', 'browses-web']));
    expect(props(s, 'sandbox')).toContain('executes-code');
  });
  it('an agent writing to a mailbox sends email; one only reading it does not', () => {
    expect(props(deriveSystem(model([['a', 'agent'], ['m', 'email']], ['a>m'])), 'a')).toContain('sends-email');
    expect(props(deriveSystem(model([['a', 'agent'], ['m', 'email']], ['m>a'])), 'a')).not.toContain('sends-email');
  });
  it('an agent calling an external service calls external APIs', () => {
    expect(props(deriveSystem(model([['a', 'agent'], ['x', 'external-service']], ['a>x'])), 'a')).toContain('calls-external-apis');
  });
  it('does not give capabilities to components that are not models', () => {
    expect(props(deriveSystem(model([['api', 'service'], ['t', 'tool', ['sends-email']]], ['api>t'])), 'api')).toEqual([]);
  });
});

describe('deriveSystem: rendering', () => {
  it('a model whose output reaches a frontend marked renders-output renders output', () => {
    const s = deriveSystem(model([['llm', 'llm'], ['api', 'service'], ['fe', 'frontend', ['renders-output']]], ['llm>api', 'api>fe']));
    expect(props(s, 'llm')).toContain('renders-output');
  });
  it('a plain frontend does not make the model render output', () => {
    const s = deriveSystem(model([['llm', 'llm'], ['fe', 'frontend']], ['llm>fe']));
    expect(props(s, 'llm')).not.toContain('renders-output');
  });
});

describe('deriveSystem: trust boundaries', () => {
  it('adds External and System boundaries when none are given', () => {
    const s = deriveSystem(model(
      [['u', 'user'], ['api', 'service'], ['gpt', 'llm', ['third-party-hosted']], ['local', 'llm', ['self-hosted']], ['hub', 'model-hub'], ['web', 'web-content']],
      ['u>api', 'api>gpt', 'api>local'],
    ));
    expect(s.trustBoundaries).toEqual([
      { id: 'external', name: 'External', components: ['u', 'gpt', 'hub', 'web'] },
      { id: 'system', name: 'System', components: ['api', 'local'] },
    ]);
  });
  it('marks flows between the default boundaries as crossing', () => {
    const s = deriveSystem(model([['u', 'user'], ['api', 'service'], ['db', 'database']], ['u>api', 'api>db']));
    expect(s.dataFlows.map((f) => f.crossesBoundary)).toEqual([true, false]);
  });
  it('keeps given boundaries and marks flows into a component in no boundary as crossing', () => {
    const s = deriveSystem(model([['a', 'service'], ['b', 'service'], ['c', 'service']], ['a>b', 'b>c'], {
      trustBoundaries: [{ id: 'vpc', name: 'VPC', components: ['a', 'b'] }],
    }));
    expect(s.trustBoundaries).toHaveLength(1);
    expect(s.dataFlows.map((f) => f.crossesBoundary)).toEqual([false, true]);
  });
  it('treats nested boundaries as different zones', () => {
    const s = deriveSystem(model([['a', 'service'], ['b', 'database']], ['a>b'], {
      trustBoundaries: [{ id: 'vpc', name: 'VPC', components: ['a', 'b'] }, { id: 'data', name: 'Data', components: ['b'] }],
    }));
    expect(s.dataFlows[0]!.crossesBoundary).toBe(true);
  });
  it('keeps a crossing the input already marked', () => {
    const s = deriveSystem(model([['a', 'service'], ['b', 'service']], [], {
      dataFlows: [{ id: 'f1', from: 'a', to: 'b', crossesBoundary: true }],
      trustBoundaries: [{ id: 'vpc', name: 'VPC', components: ['a', 'b'] }],
    }));
    expect(s.dataFlows[0]!.crossesBoundary).toBe(true);
  });
});

describe('deriveSystem: AI assets', () => {
  const s = deriveSystem(model([
    ['local', 'llm', ['self-hosted']],
    ['gpt', 'llm', ['third-party-hosted', 'has-system-prompt']],
    ['tuned', 'ml-model', ['fine-tuned']],
    ['plain', 'ml-model', ['third-party-hosted']],
    ['reg', 'model-registry'],
    ['data', 'training-data'],
    ['labels', 'labeling'],
    ['vs', 'vector-store'],
    ['mem', 'agent-memory'],
    ['feats', 'feature-store'],
    ['gate', 'eval-gate'],
  ], []));
  const assets = (c: string): string[] => s.aiAssets.filter((a) => a.component === c).map((a) => `${a.kind}:${a.id}`);

  it('model weights for self-hosted and fine-tuned models and registries', () => {
    expect(assets('local')).toContain('model-weights:local-weights');
    expect(assets('tuned')).toContain('model-weights:tuned-weights');
    expect(assets('reg')).toEqual(['model-weights:reg-weights']);
    expect(assets('plain').some((a) => a.startsWith('model-weights'))).toBe(false);
  });
  it('training data for datasets and labelling', () => {
    expect(assets('data')).toEqual(['training-data:data-training-data']);
    expect(assets('labels')).toEqual(['training-data:labels-training-data']);
  });
  it('a system prompt for LLMs that have one, API credentials for hosted models', () => {
    expect(assets('gpt')).toEqual(['system-prompt:gpt-system-prompt', 'model-api-credentials:gpt-api-credentials']);
    expect(assets('plain')).toEqual(['model-api-credentials:plain-api-credentials']);
  });
  it('embeddings, memory, features and evaluation data', () => {
    expect(assets('vs')).toEqual(['embeddings:vs-embeddings']);
    expect(assets('mem')).toEqual(['agent-memory:mem-memory']);
    expect(assets('feats')).toEqual(['feature-data:feats-feature-data']);
    expect(assets('gate')).toEqual(['evaluation-data:gate-eval-data']);
  });
  it('keeps assets the input lists and does not duplicate them', () => {
    const given = deriveSystem(model([['vs', 'vector-store']], [], { aiAssets: [{ id: 'kb-vectors', name: 'KB vectors', kind: 'embeddings', component: 'vs' }] }));
    expect(given.aiAssets).toEqual([{ id: 'kb-vectors', name: 'KB vectors', kind: 'embeddings', component: 'vs' }]);
  });
  it('keeps asset ids within the 80-character limit', () => {
    const long = 'a'.repeat(80);
    const r = deriveSystem(model([[long, 'llm', ['third-party-hosted', 'has-system-prompt']]], []));
    expect(r.aiAssets.every((a) => a.id.length <= 80)).toBe(true);
    expect(SystemModelSchema.safeParse(r).success).toBe(true);
  });
});

describe('deriveSystem: determinism', () => {
  const input = model(
    [['u', 'user'], ['fe', 'frontend', ['renders-output']], ['agent', 'agent', ['has-system-prompt']], ['vs', 'vector-store'], ['t', 'tool', ['sends-email']], ['gpt', 'llm', ['third-party-hosted']]],
    ['u>fe', 'fe>agent', 'vs>agent', 'agent>t', 'agent>gpt', 'agent>fe'],
  );
  it('is idempotent', () => {
    const once = deriveSystem(input);
    expect(deriveSystem(once)).toEqual(once);
  });
  it('is deterministic', () => {
    expect(deriveSystem(input)).toEqual(deriveSystem(structuredClone(input)));
  });
  it('keeps component order and puts properties in schema order', () => {
    const out = deriveSystem(input);
    expect(out.components.map((c) => c.id)).toEqual(['u', 'fe', 'agent', 'vs', 't', 'gpt']);
    expect(props(out, 'agent')).toEqual(['accepts-user-input', 'untrusted-content', 'has-system-prompt', 'retrieval', 'sends-email', 'calls-external-apis', 'renders-output']);
  });
  it('does not change its input', () => {
    const copy = structuredClone(input);
    deriveSystem(input);
    expect(input).toEqual(copy);
  });
  it('returns a valid system model', () => {
    expect(SystemModelSchema.safeParse(deriveSystem(input)).success).toBe(true);
  });
});
