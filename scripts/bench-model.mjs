// Simulated local model for `npm run bench`: an in-process HTTP server that speaks Ollama's real
// /api/chat protocol (NDJSON streaming) at a set speed, driven through the real ChatOllama client.
// Its replies are HAND-WRITTEN SAMPLES built from the prompt (not model output): the bench measures
// the pipeline's latency and token use, not answer quality.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { join } from 'node:path';

const TOKENS_PER_S = Number(process.env.SIM_TPS ?? 20);
const PROMPT_TOKENS_PER_S = Number(process.env.SIM_PPS ?? 300);
const ARCHS = ['01-support-chatbot-rag.md', '03-email-triage-agent.md', '13-multi-agent-customer-ops.md'];

function sampleCase(target, i) {
  return {
    title: `Sample misuse ${i + 1} against ${target}`,
    actor: 'An outside attacker with a customer account',
    targets: [target],
    threatClass: 'prompt-injection',
    stride: ['Tampering'],
    preconditions: ['The component reads attacker-controlled text'],
    steps: ['Craft text that reads as an instruction', 'Get it in front of the component', 'The component follows it'],
    impact: 'The attacker steers what the component does for other users',
    likelihood: 'medium',
    severity: 'high',
    prevent: ['Keep instructions and data apart'],
    detect: ['Alert on instruction-like text in inputs'],
    respond: ['Quarantine the source and replay affected sessions'],
    signals: ['Instruction-like text in retrieved content'],
    redTeamTests: ['Plant a marker instruction and check the answer'],
    reviewQuestions: ['Who can write the text this component reads?'],
    patterns: [],
    atlas: ['AML.T0051.001'],
    owaspLlm: ['LLM01:2025'],
    owaspMl: [],
  };
}

export async function runModelSim(root, table) {
  const dist = (p) => import(join(root, 'dist', p));
  const [{ startMockModelServer }, { ollamaPort }, { decodeInput }, { parseArchitecture }, { loadKnowledgeBase }, pipe, { makePromptKit, askStructured }, { LlmCaseSchema }, { loadPrompt }, { PatternIndex }] = await Promise.all([
    dist('testing/mockModelServer.js'), dist('cli/providers.js'), dist('core/input/readInput.js'), dist('core/input/parseArchitecture.js'),
    dist('core/kb/knowledgeBase.js'), dist('core/pipeline/modelPipeline.js'), dist('core/pipeline/structured.js'), dist('core/llm/schemas.js'),
    dist('core/prompts/load.js'), dist('core/retrieval/search.js'),
  ]);
  const kb = loadKnowledgeBase();
  console.log(`\n## simulated local model (${TOKENS_PER_S} tokens/s generation, ${PROMPT_TOKENS_PER_S} tokens/s prompt processing, 2 parallel slots, one server per architecture)\n`);
  console.log('Replies are hand-written samples shaped from the prompt, not model output.\n');
  const results = await Promise.all(ARCHS.map(async (file) => {
    const text = readFileSync(join(root, 'evals', 'architectures', file), 'utf8');
    const doc = decodeInput(file, Buffer.from(text));
    const parsed = parseArchitecture(text, { source: file });
    const parts = pipe.planParts(parsed.system, kb.patterns, new PatternIndex(kb.patterns));
    const server = await startMockModelServer({
      protocol: 'ollama', tokensPerSecond: TOKENS_PER_S, promptTokensPerSecond: PROMPT_TOKENS_PER_S, parallel: 2,
      reply: (req) => {
        const line = /^Focus: the components? (.*) and what connects/m.exec(req.prompt)?.[1];
        if (line) {
          const ids = [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
          const max = Number(/Write up to (\d+) misuse cases/.exec(req.prompt)?.[1] ?? 3);
          return JSON.stringify({ cases: Array.from({ length: max }, (_, i) => sampleCase(ids[i % ids.length], i)) });
        }
        if (req.prompt.includes('Write the complete threat model')) return JSON.stringify({ cases: parts.flatMap((p) => p.components.flatMap((c) => [0, 1, 2].map((i) => sampleCase(c.id, i)))) });
        return JSON.stringify({ components: parsed.system.components.slice(0, 3).map((c) => ({ name: c.name, kind: c.kind, properties: [], evidence: c.name })), flows: [] });
      },
    });
    try {
      const port = await ollamaPort(server.url, 'qwen2.5:7b', { provider: 'ollama', concurrency: 2, timeoutMs: 1_800_000 });
      // one-shot baseline first and alone on its server: the whole threat model in one structured call,
      // usable only when it completes (as STRIDE GPT does)
      const kit = makePromptKit('bench00000000');
      const candidates = [...new Map(parts.flatMap((p) => p.candidates).map((p) => [p.id, p])).values()];
      const user = loadPrompt('oneshot').render({
        system_name: parsed.system.name,
        document: kit.wrap(text, 'architecture document'),
        patterns: candidates.map((p) => `${p.id} | ${p.threatClass} | ${p.atlas.join(' ')} | ${[...p.owaspLlm, ...p.owaspMl].join(' ')} | ${p.summary.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n'),
        max_cases: 3 * parts.reduce((n, p) => n + p.components.length, 0),
      });
      let t0 = performance.now();
      // the baseline asks for the whole model at once, so its schema must allow that many cases
      const OneShot = z.object({ cases: z.array(LlmCaseSchema).max(200) }).strict();
      const res = await askStructured(port, kit, { user, schemaName: 'cases', jsonSchema: z.toJSONSchema(OneShot), schema: OneShot });
      const oneShot = performance.now() - t0;
      // the streaming pipeline
      t0 = performance.now();
      let first;
      let model;
      for await (const ev of pipe.runModelPipeline(doc, parsed, { kb, toolVersion: 'bench', port, concurrency: 2 })) {
        if (ev.type === 'case' && first === undefined) first = performance.now() - t0;
        if (ev.type === 'done') model = ev.model;
      }
      const total = performance.now() - t0;
      const r = { file, first, total, oneShot, calls: model.run.calls, pt: model.run.promptTokens, ct: model.run.completionTokens, bcalls: res.usage.calls, bpt: res.usage.promptTokens, bct: res.usage.completionTokens };
      console.log(`${file}: pipeline first case ${(first / 1000).toFixed(1)} s, total ${(total / 1000).toFixed(1)} s; one-shot ${(oneShot / 1000).toFixed(1)} s`);
      return r;
    } finally {
      await server.close();
    }
  }));
  const rows = [['architecture', 'mode', 'first case', 'total', 'calls', 'prompt tok', 'completion tok']];
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  for (const r of results) {
    rows.push([r.file, 'pipeline (streamed parts)', s(r.first), s(r.total), r.calls, r.pt, r.ct]);
    rows.push([r.file, 'one-shot baseline', s(r.oneShot), s(r.oneShot), r.bcalls, r.bpt, r.bct]);
  }
  console.log('');
  console.log(table(rows));
  console.log('');
  for (const r of results) {
    const speedup = r.oneShot / r.first;
    const ratio = r.pt / r.bpt;
    console.log(`${r.file}: first case ${speedup.toFixed(1)}x sooner (target >= 5x: ${speedup >= 5 ? 'MET' : 'NOT MET'}); prompt tokens ${ratio.toFixed(2)}x the baseline (target <= 2x: ${ratio <= 2 ? 'MET' : 'NOT MET'})`);
  }
}
