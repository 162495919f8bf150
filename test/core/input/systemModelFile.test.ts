import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { parseSystemModelFile } from '../../../src/core/input/systemModelFile.js';

const yaml = (text: string) => parseSystemModelFile(text, 'arch.yaml', 'yaml', 'arch');
const json = (value: unknown) => parseSystemModelFile(JSON.stringify(value, null, 2), 'arch.json', 'json', 'arch');

/** The InputError message thrown by `fn`. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(2);
    return (err as InputError).message;
  }
  throw new Error('expected an InputError');
}

const GOOD = `name: Support bot
description: Answers customer questions.
components:
  - name: Customer
    kind: user
  - name: Chat API
    kind: service
    properties: [internet-facing]
  - id: llm
    name: GPT-4o
    kind: LLM
    properties: [Third-Party-Hosted]
  - name: Vector DB
    kind: vector-store
dataFlows:
  - from: customer
    to: Chat API
    label: question
  - { from: vector db, to: chat-api }
  - { id: prompt, from: chat-api, to: GPT-4o }
trustBoundaries:
  - name: Internet
    components: [Customer]
aiAssets:
  - { kind: embeddings, component: Vector DB }
assumptions: One region only.
`;

describe('YAML system models', () => {
  const s = yaml(GOOD);
  it('derives ids from names', () => {
    expect(s.components.map((c) => c.id)).toEqual(['customer', 'chat-api', 'llm', 'vector-db']);
  });
  it('defaults properties and lines', () => {
    expect(s.components[0]).toEqual({ id: 'customer', name: 'Customer', kind: 'user', properties: [], lines: [] });
  });
  it('accepts kinds and properties in any case', () => {
    expect(s.components[2]).toMatchObject({ kind: 'llm', properties: ['third-party-hosted'] });
  });
  it('resolves flow ends by id or by name, case-insensitively', () => {
    expect(s.dataFlows.map((f) => `${f.from}>${f.to}`)).toEqual(['customer>chat-api', 'vector-db>chat-api', 'chat-api>llm']);
  });
  it('numbers flows without ids and keeps given ones', () => {
    expect(s.dataFlows.map((f) => f.id)).toEqual(['f1', 'f2', 'prompt']);
  });
  it('resolves boundary members by name and derives the boundary id', () => {
    expect(s.trustBoundaries).toEqual([{ id: 'internet', name: 'Internet', components: ['customer'] }]);
  });
  it('resolves asset components by name and derives the asset id', () => {
    expect(s.aiAssets).toEqual([{ id: 'vector-db-embeddings', name: 'vector-db-embeddings', kind: 'embeddings', component: 'vector-db' }]);
  });
  it('accepts a single assumption as a string', () => {
    expect(s.assumptions).toEqual(['One region only.']);
  });
  it('uses the file name when the model has no name', () => {
    expect(yaml('components:\n  - { name: A, kind: service }').name).toBe('arch');
  });
  it('does not reuse a given flow id for a generated one', () => {
    const r = yaml('components: [{name: A, kind: service}, {name: B, kind: service}]\ndataFlows:\n  - {from: A, to: B}\n  - {id: f1, from: B, to: A}');
    expect(r.dataFlows.map((f) => f.id)).toEqual(['f2', 'f1']);
  });
});

describe('JSON system models', () => {
  it('reads the same friendly shape', () => {
    const s = json({ name: 'X', components: [{ name: 'Web app', kind: 'frontend' }, { name: 'Claude', kind: 'llm' }], dataFlows: [{ from: 'web app', to: 'claude' }] });
    expect(s.dataFlows).toEqual([{ id: 'f1', from: 'web-app', to: 'claude', crossesBoundary: false }]);
  });
});

describe('bad input', () => {
  it('malformed YAML names the file, line and column', () => {
    const msg = errorOf(() => yaml('name: x\ncomponents:\n  - name: a\n    kind: [oops\n'));
    expect(msg).toMatch(/^arch\.yaml is not valid YAML: /);
    expect(msg).toMatch(/\(line 5, column 1\)/);
  });
  it('an alias to an undefined anchor is a YAML error, not a crash', () => {
    expect(errorOf(() => yaml('name: x\ncomponents: *nothing'))).toMatch(/^arch\.yaml is not valid YAML: /);
  });
  it('duplicate YAML keys are reported with their line', () => {
    expect(errorOf(() => yaml('name: a\nname: b\ncomponents: []'))).toMatch(/line 2/);
  });
  it('malformed JSON names the line and column', () => {
    const msg = errorOf(() => parseSystemModelFile('{\n  "name": "x",\n  "components": [\n    {"name": "a" "kind": "llm"}\n  ]\n}', 'arch.json', 'json', 'arch'));
    expect(msg).toMatch(/^arch\.json is not valid JSON: /);
    expect(msg).toMatch(/at line 4, column 18/);
  });
  it('truncated JSON points at the end', () => {
    expect(errorOf(() => parseSystemModelFile('{"name": "x"', 'arch.json', 'json', 'arch'))).toMatch(/line 1, column \d+/);
  });
  it('an unknown field is named with a suggestion', () => {
    const msg = errorOf(() => yaml('name: x\ncomponets:\n  - { name: a, kind: llm }'));
    expect(msg).toContain('componets: unknown field. Did you mean "components"? (line 2)');
    expect(msg).toContain('(1 problem)');
  });
  it('an unknown nested field is named with its path and a suggestion', () => {
    expect(errorOf(() => yaml('components:\n  - { name: a, kidn: llm }'))).toContain('components.0.kidn: unknown field. Did you mean "kind"?');
  });
  it('"flows" suggests "dataFlows"', () => {
    expect(errorOf(() => yaml('components: [{name: a, kind: llm}]\nflows: []'))).toContain('Did you mean "dataFlows"?');
  });
  it('an unknown kind lists the allowed kinds and suggests the closest', () => {
    const msg = errorOf(() => yaml('components:\n  - { name: a, kind: vectr-store }'));
    expect(msg).toContain('components.0.kind: unknown kind "vectr-store" (line 2). Did you mean "vector-store"?');
    expect(msg).toContain('Allowed kinds: user, frontend, service,');
  });
  it('an unknown property suggests the closest', () => {
    const msg = errorOf(() => yaml('components:\n  - { name: a, kind: llm, properties: [retreival] }'));
    expect(msg).toContain('components.0.properties.0: unknown property "retreival" (line 2). Did you mean "retrieval"?');
    expect(msg).toContain('Allowed properties: internet-facing,');
  });
  it('a flow to an unknown component names it, the known ones and the closest', () => {
    const msg = errorOf(() => yaml('components:\n  - { name: API, kind: service }\n  - { name: Vector DB, kind: vector-store }\ndataFlows:\n  - { from: api, to: vector-db }\n  - { from: api, to: vector-db }\n  - { from: api, to: vectr-db }'));
    expect(msg).toContain('data flow #3 goes to "vectr-db", which is not a component; known: api, vector-db. Did you mean "vector-db"?');
    expect(msg).toContain('(line 7)');
  });
  it('a flow from an unknown component says so', () => {
    expect(errorOf(() => yaml('components: [{ name: API, kind: service }]\ndataFlows: [{ from: user, to: api }]'))).toContain('data flow #1 comes from "user", which is not a component');
  });
  it('a boundary listing an unknown component says so', () => {
    expect(errorOf(() => yaml('components: [{ name: API, kind: service }]\ntrustBoundaries: [{ name: DMZ, components: [web] }]'))).toContain('trust boundary "DMZ" lists "web", which is not a component');
  });
  it.each([
    ['a list', '- a\n- b', 'it is a list'],
    ['a string', 'just some words', 'it is a string'],
    ['empty', '~', 'it is empty'],
  ])('a top level that is %s is rejected', (_what, text, says) => {
    const msg = errorOf(() => yaml(text));
    expect(msg).toContain('arch.yaml must be a YAML mapping with "name" and "components"');
    expect(msg).toContain(says);
  });
  it('JSON that is not an object is rejected', () => {
    expect(errorOf(() => parseSystemModelFile('[1, 2]', 'arch.json', 'json', 'arch'))).toContain('must be a JSON object');
  });
  it('missing components are required', () => {
    expect(errorOf(() => yaml('name: x'))).toContain('components: required');
  });
  it('components that are not a list are rejected', () => {
    expect(errorOf(() => yaml('components: web app'))).toContain('components: must be a list of components, not a string');
  });
  it('a component without a kind is named', () => {
    expect(errorOf(() => yaml('components: [{ name: a }]'))).toContain('components.0: needs a "kind"');
  });
  it('two components with the same id are rejected', () => {
    expect(errorOf(() => yaml('components: [{ name: Chat API, kind: service }, { name: chat api, kind: service }]'))).toContain('id "chat-api" is used by another component');
  });
  it('schema errors name the field path', () => {
    const msg = errorOf(() => yaml('components: [{ id: "Bad Id", name: a, kind: llm }]'));
    expect(msg).toContain('components.0.id: ');
    expect(msg).toContain('lowercase');
  });
  it('lists at most five problems', () => {
    const comps = Array.from({ length: 8 }, (_, i) => `  - { name: c${i}, kind: nope }`).join('\n');
    const msg = errorOf(() => yaml(`components:\n${comps}`));
    expect(msg).toContain('(8 problems)');
    expect(msg).toContain('… and 3 more');
  });
  it('says how to fix it', () => {
    expect(errorOf(() => yaml('components: [{ name: a, kind: nope }]'))).toMatch(/`threatstorm schema` lists every field, kind and property/);
  });
});
