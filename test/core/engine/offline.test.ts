import { describe, expect, it } from 'vitest';
import { generateOfflineCases, rankCases, caseKey } from '../../../src/core/engine/offline.js';
import { patternApplies, isAiSystem } from '../../../src/core/engine/match.js';
import { scoreRisk, riskLevel } from '../../../src/core/engine/risk.js';
import { fill, joinNames } from '../../../src/core/engine/instantiate.js';
import { MisuseCaseSchema } from '../../../src/core/domain/index.js';
import { comp, makePattern, makeSystem } from '../../helpers/factories.js';

const chat = makeSystem(
  [
    comp('user', 'user', [], 'Customer'),
    comp('widget', 'frontend', [], 'Chat widget'),
    comp('bot', 'llm', ['accepts-user-input', 'internet-facing'], 'Support bot'),
    comp('kb', 'vector-store', [], 'Help-centre index'),
    comp('db', 'database', [], 'Orders DB'),
  ],
  [['user', 'widget'], ['widget', 'bot'], ['kb', 'bot'], ['bot', 'widget']],
  'Support assistant',
);

const patterns = [
  makePattern({ id: 'inj', appliesTo: { kinds: ['llm'] } as never, likelihood: 'high', severity: 'high' }),
  makePattern({ id: 'store', threatClass: 'rag-poisoning', atlas: ['AML.T0070'], owaspLlm: ['LLM08:2025'], appliesTo: { kinds: ['vector-store', 'llm'] } as never, likelihood: 'low', severity: 'medium' }),
];


describe('pattern matching', () => {
  it('matches on kind, any/all properties and systemHas', () => {
    const bot = chat.components[2]!;
    expect(patternApplies(makePattern({ id: 'a', appliesTo: { kinds: ['llm'] } as never }), bot, chat, true)).toBe(true);
    expect(patternApplies(makePattern({ id: 'b', appliesTo: { kinds: ['agent'] } as never }), bot, chat, true)).toBe(false);
    expect(patternApplies(makePattern({ id: 'c', appliesTo: { kinds: ['llm'], anyProperties: ['retrieval', 'accepts-user-input'] } as never }), bot, chat, true)).toBe(true);
    expect(patternApplies(makePattern({ id: 'd', appliesTo: { kinds: ['llm'], anyProperties: ['retrieval'] } as never }), bot, chat, true)).toBe(false);
    expect(patternApplies(makePattern({ id: 'e', appliesTo: { kinds: ['llm'], allProperties: ['accepts-user-input', 'autonomous'] } as never }), bot, chat, true)).toBe(false);
    expect(patternApplies(makePattern({ id: 'f', appliesTo: { kinds: ['llm'], systemHas: ['vector-store'] } as never }), bot, chat, true)).toBe(true);
    expect(patternApplies(makePattern({ id: 'g', appliesTo: { kinds: ['llm'], systemHas: ['email'] } as never }), bot, chat, true)).toBe(false);
  });

  it('never applies AI patterns to a system without an AI model, but still applies classic ones', () => {
    const plain = makeSystem([comp('web', 'frontend', ['internet-facing']), comp('db', 'database')], [['web', 'db']]);
    expect(isAiSystem(plain)).toBe(false);
    const ai = makePattern({ id: 'ai', appliesTo: { kinds: ['frontend'] } as never });
    const classic = makePattern({ id: 'classic', ai: false, threatClass: 'classic-appsec', atlas: [], owaspLlm: [], appliesTo: { kinds: ['frontend'] } as never });
    const cases = generateOfflineCases(plain, [ai, classic]);
    expect(cases.map((c) => c.references.patterns[0])).toEqual(['classic']);
    expect(cases[0]!.references.atlas).toEqual([]);
  });
});

describe('classic patterns', () => {
  it('merge into one case naming every service they fit, scored on the most exposed one', () => {
    const sys = makeSystem([comp('a', 'service', [], 'Orders API'), comp('b', 'service', ['internet-facing'], 'Public API'), comp('m', 'llm')]);
    const classic = makePattern({ id: 'audit', ai: false, threatClass: 'classic-appsec', atlas: [], owaspLlm: [], title: 'No audit trail in {target}', appliesTo: { kinds: ['service'] } as never });
    const cases = generateOfflineCases(sys, [classic]);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.targets).toEqual(['a', 'b']);
    expect(cases[0]!.title).toBe('No audit trail in Orders API and Public API');
    expect(cases[0]!.risk.factors.join()).toContain('internet-facing');
  });
});

describe('AI pattern grouping', () => {
  it('shares one case among same-kind components that fit for the same reason, and only those', () => {
    const sys = makeSystem([
      comp('a1', 'agent', ['accepts-user-input', 'writes-data'], 'Planner'),
      comp('a2', 'agent', ['accepts-user-input'], 'Helper'),
      comp('a3', 'agent', ['sends-email'], 'Mailer'),
    ]);
    const jail = makePattern({ id: 'jail', appliesTo: { kinds: ['agent'], anyProperties: ['accepts-user-input', 'sends-email'] } as never });
    const cases = generateOfflineCases(sys, [jail]);
    expect(cases.map((c) => c.targets)).toEqual([['a1', 'a2'], ['a3']]);
    expect(cases[0]!.title).toBe('Pattern jail against Planner and Helper');
  });
});

describe('offline engine', () => {
  it('names the real components and flows of the architecture in the case text', () => {
    const cases = generateOfflineCases(chat, patterns);
    const inj = cases.find((c) => c.references.patterns[0] === 'inj')!;
    expect(inj.title).toBe('Pattern inj against Support bot');
    expect(inj.targets).toEqual(['bot']);
    expect(inj.preconditions[0]).toBe('Support bot reads input from Chat widget and Help-centre index');
    expect(inj.steps[1]).toBe('Support bot obeys it and sends it to Chat widget');
    expect(inj.summary).toContain('Support assistant');
    expect(inj.flows).toEqual(['f2', 'f3']);
  });

  it('produces schema-valid, grounded cases ranked by risk with sequential ids', () => {
    const cases = generateOfflineCases(chat, patterns);
    expect(cases).toHaveLength(3); // inj@bot, store@kb, store@bot
    for (const c of cases) {
      expect(MisuseCaseSchema.safeParse(c).success).toBe(true);
      for (const t of c.targets) expect(chat.components.some((x) => x.id === t)).toBe(true);
    }
    expect(cases.map((c) => c.id)).toEqual(['MC-001', 'MC-002', 'MC-003']);
    const scores = cases.map((c) => c.risk.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(cases[0]!.references.patterns).toEqual(['inj']);
  });

  it('splits mitigations into prevent, detect and respond', () => {
    const [first] = generateOfflineCases(chat, patterns);
    expect(first!.mitigations.map((m) => m.type)).toEqual(['prevent', 'detect', 'respond']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(generateOfflineCases(chat, patterns))).toBe(JSON.stringify(generateOfflineCases(chat, patterns)));
  });

  it('honours maxCases by keeping the highest-risk cases', () => {
    const all = generateOfflineCases(chat, patterns);
    const top = generateOfflineCases(chat, patterns, { maxCases: 1 });
    expect(top).toHaveLength(1);
    expect(top[0]!.title).toBe(all[0]!.title);
    expect(generateOfflineCases(chat, patterns, { maxCases: 0 })).toEqual([]);
  });

  it('does not repeat the same pattern on the same component', () => {
    const dup = [patterns[0]!, patterns[0]!];
    expect(generateOfflineCases(chat, dup)).toHaveLength(1);
  });
});

describe('risk', () => {
  it('raises risk for internet-facing targets and maps scores to levels', () => {
    const inner = scoreRisk('medium', 'high', 'evasion', comp('m', 'ml-model'));
    const outer = scoreRisk('medium', 'high', 'evasion', comp('m', 'ml-model', ['internet-facing']));
    expect(outer.score).toBeGreaterThan(inner.score);
    expect(outer.factors.join(' ')).toContain('internet-facing');
    expect(riskLevel(80)).toBe('critical');
    expect(riskLevel(70)).toBe('high');
    expect(riskLevel(50)).toBe('high');
    expect(riskLevel(30)).toBe('medium');
    expect(riskLevel(10)).toBe('low');
  });

  it('lowers injection risk when nothing untrusted reaches the target', () => {
    const exposed = scoreRisk('high', 'high', 'prompt-injection', comp('m', 'llm', ['accepts-user-input']));
    const internal = scoreRisk('high', 'high', 'prompt-injection', comp('m', 'llm'));
    expect(internal.score).toBeLessThan(exposed.score);
  });
});

describe('helpers', () => {
  it('joins names and fills placeholders', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(fill('{target} in {system} {unknown}', { target: 'T', system: 'S' })).toBe('T in S {unknown}');
  });

  it('rankCases renumbers and caseKey ignores ids', () => {
    const cases = generateOfflineCases(chat, patterns);
    const reranked = rankCases([...cases].reverse());
    expect(reranked.map((c) => c.id)).toEqual(['MC-001', 'MC-002', 'MC-003']);
    expect(caseKey({ ...cases[0]!, id: 'MC-999' } as never)).toBe(caseKey(cases[0]!));
  });
});
