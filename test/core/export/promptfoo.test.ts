import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROMPT_INJECTION_STRATEGY, promptfooText, toPromptfoo } from '../../../src/core/export/promptfoo.js';
import { emptyThreatModel, fixtureThreatModel } from '../../fixtures/threatModel.js';

interface Plugin { id: string; severity?: string; config?: { intent: string[]; metadata: { caseId: string } } }
interface PromptfooConfig {
  description: string;
  targets: { id: string; config: { url: string } }[];
  redteam: { purpose: string; plugins: Plugin[]; strategies: { id: string }[] };
}

describe('toPromptfoo', () => {
  const model = fixtureThreatModel();
  const out = toPromptfoo(model);
  const config = parse(out) as PromptfooConfig;

  it('parses as YAML with description, a placeholder HTTP target and a TODO comment', () => {
    expect(Object.keys(config)).toEqual(['description', 'targets', 'redteam']);
    expect(config.description).toContain('threatstorm red-team plan');
    expect(config.targets[0]!.id).toBe('http');
    expect(config.targets[0]!.config.url).toContain('TODO');
    expect(out).toMatch(/^# TODO: point this target at your application/m);
  });

  it('has one intent plugin per case with red-team tests, carrying the case id', () => {
    const intents = config.redteam.plugins.filter((p) => p.id === 'intent');
    // MC-004 has no tests and MC-005 was rejected in review
    expect(intents.map((p) => p.config!.metadata.caseId)).toEqual(['MC-001', 'MC-002', 'MC-003']);
    expect(intents[0]!.config!.intent[0]).toBe('Plant "ignore previous instructions" in a wiki page and ask about it');
    expect(intents[0]!.severity).toBe('critical');
    for (const p of intents) expect(p.config!.intent.length).toBeGreaterThan(0);
  });

  it('adds the OWASP LLM preset plugins referenced by the cases', () => {
    const owasp = config.redteam.plugins.filter((p) => p.id.startsWith('owasp:')).map((p) => p.id);
    expect(owasp).toEqual(['owasp:llm:01', 'owasp:llm:06', 'owasp:llm:07', 'owasp:llm:08', 'owasp:llm:09']);
  });

  it('uses jailbreak, plus the prompt-injection templates strategy when injection cases exist', () => {
    expect(config.redteam.strategies.map((s) => s.id)).toEqual(['jailbreak', PROMPT_INJECTION_STRATEGY]);
    const noInjection = fixtureThreatModel();
    noInjection.misuseCases = noInjection.misuseCases.filter((mc) => !mc.references.owaspLlm.includes('LLM01:2025') &&
      !['prompt-injection', 'indirect-prompt-injection', 'system-prompt-leakage'].includes(mc.threatClass));
    const ids = (parse(toPromptfoo(noInjection)) as PromptfooConfig).redteam.strategies.map((s) => s.id);
    expect(ids).toEqual(['jailbreak']);
  });

  it('states the purpose from the system and its AI components', () => {
    expect(config.redteam.purpose).toContain('A RAG support chatbot');
    expect(config.redteam.purpose).toContain('(llm)');
  });

  it('defuses Nunjucks templates and file:// references in untrusted text', () => {
    const intents = config.redteam.plugins.flatMap((p) => p.config?.intent ?? []);
    for (const i of intents) {
      expect(i).not.toMatch(/\{\{|\{%|\{#/);
      expect(i).not.toMatch(/^\s*file:\/\//i);
    }
    expect(promptfooText('{{{ env.X }}}')).not.toContain('{{');
    expect(promptfooText('  FILE://x')).toBe('Input: FILE://x');
  });

  it('still parses for a model without cases', () => {
    const empty = parse(toPromptfoo(emptyThreatModel())) as PromptfooConfig;
    expect(empty.redteam.plugins).toEqual([]);
  });
});
