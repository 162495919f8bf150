import { z } from 'zod';
import { loadKnowledgeBase } from '../../core/kb/knowledgeBase.js';
import { errorMessage } from '../../core/errors.js';
import { c, emit, setQuiet } from '../io.js';
import { listOllamaModels, ollamaBaseUrl, ollamaPort, openAiPort, pickOllamaModel } from '../providers.js';
import type { ChatPort } from '../../core/llm/port.js';

/** One doctor check. */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly fix?: string;
}

/** Options of `threatstorm doctor`. */
export interface DoctorOptions {
  provider: 'auto' | 'offline' | 'ollama' | 'openai';
  model?: string;
  kb: string[];
  json?: boolean;
  quiet?: boolean;
}

const ProbeSchema = z.object({ answer: z.number(), colour: z.enum(['red', 'green', 'blue']) }).strict();

/** Sends a tiny structured request and checks the reply validates: the round trip every run depends on. */
export async function structuredRoundTrip(port: ChatPort): Promise<Check> {
  try {
    const reply = await port.complete({
      system: 'Answer with JSON only.',
      user: 'What is 2 + 2? Also pick the colour of grass from red, green or blue. Reply as {"answer": <number>, "colour": "<colour>"}.',
      schemaName: 'probe',
      jsonSchema: z.toJSONSchema(ProbeSchema) as Record<string, unknown>,
    });
    const start = reply.text.indexOf('{');
    const parsed = ProbeSchema.safeParse(JSON.parse(reply.text.slice(start, reply.text.lastIndexOf('}') + 1)));
    if (!parsed.success) return { name: 'structured output', ok: false, detail: `the reply did not match the schema: ${reply.text.slice(0, 120)}`, fix: 'Try a model that supports structured outputs well (e.g. qwen2.5:7b or llama3.1:8b).' };
    const right = parsed.data.answer === 4 && parsed.data.colour === 'green';
    return { name: 'structured output', ok: true, detail: `round trip ok (${reply.promptTokens} prompt / ${reply.completionTokens} completion tokens${right ? '' : '; the answer itself was wrong, a larger model may do better'})` };
  } catch (err) {
    return { name: 'structured output', ok: false, detail: errorMessage(err), fix: 'See the endpoint and model checks above.' };
  }
}

/** Runs every check for the chosen provider. */
export async function runChecks(opts: DoctorOptions, env: NodeJS.ProcessEnv = process.env): Promise<Check[]> {
  const checks: Check[] = [];
  const [maj = 0, min = 0] = process.versions.node.split('.').map(Number);
  const nodeOk = maj > 20 || (maj === 20 && min >= 19);
  checks.push({ name: 'node', ok: nodeOk, detail: `v${process.versions.node}`, fix: nodeOk ? undefined : 'Install Node.js 20.19 or newer.' });
  try {
    const kb = loadKnowledgeBase(opts.kb);
    const bad = kb.errors.length;
    checks.push({ name: 'knowledge base', ok: bad === 0, detail: `${kb.patterns.length} patterns (digest ${kb.digest})${bad ? `, ${bad} error(s) in --kb folders` : ''}`, fix: bad ? `Run \`threatstorm kb validate ${opts.kb[0] ?? ''}\` and fix the files it lists.` : undefined });
  } catch (err) {
    checks.push({ name: 'knowledge base', ok: false, detail: errorMessage(err), fix: 'Reinstall threatstorm (npm install) so the built-in knowledge base is intact.' });
  }
  if (opts.provider === 'offline') return checks;
  const model = opts.model ?? env.THREATSTORM_MODEL;

  if (opts.provider === 'openai' || (opts.provider === 'auto' && env.OPENAI_BASE_URL && !env.OLLAMA_HOST)) {
    const base = (env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
    const key = env.OPENAI_API_KEY ?? (base.includes('api.openai.com') ? '' : 'not-needed');
    try {
      const res = await fetch(`${base}/models`, { headers: key ? { authorization: `Bearer ${key}` } : {}, signal: AbortSignal.timeout(3000) });
      const ids = res.ok ? ((await res.json()) as { data?: { id: string }[] }).data?.map((m) => m.id) ?? [] : [];
      checks.push({ name: 'openai endpoint', ok: res.ok, detail: res.ok ? `${base} serves ${ids.length} model(s)${ids.length ? `: ${ids.slice(0, 5).join(', ')}` : ''}` : `${base}/models answered HTTP ${res.status}`, fix: res.ok ? undefined : res.status === 401 ? 'Set OPENAI_API_KEY.' : 'Check OPENAI_BASE_URL (it should end in /v1).' });
      if (!model) {
        checks.push({ name: 'model', ok: false, detail: 'no model chosen', fix: `Pass --model NAME or set THREATSTORM_MODEL${ids[0] ? ` (e.g. ${ids[0]})` : ''}.` });
        return checks;
      }
      checks.push({ name: 'model', ok: !ids.length || ids.includes(model), detail: model, fix: ids.length && !ids.includes(model) ? `The endpoint does not list ${model}; pick one of: ${ids.slice(0, 8).join(', ')}.` : undefined });
      checks.push(await structuredRoundTrip(await openAiPort(base, model, key, { provider: 'openai', timeoutMs: 60_000 })));
    } catch (err) {
      checks.push({ name: 'openai endpoint', ok: false, detail: `${base}: ${errorMessage(err)}`, fix: 'Start your OpenAI-compatible server (LM Studio, vLLM, llama.cpp, LiteLLM) or fix OPENAI_BASE_URL.' });
    }
    return checks;
  }

  const baseUrl = ollamaBaseUrl(env.OLLAMA_HOST);
  let names: string[];
  try {
    names = await listOllamaModels(baseUrl, 3000);
    checks.push({ name: 'ollama', ok: true, detail: `reachable at ${baseUrl}, ${names.length} model(s)${names.length ? `: ${names.slice(0, 6).join(', ')}` : ''}` });
  } catch (err) {
    checks.push({ name: 'ollama', ok: false, detail: `not reachable at ${baseUrl} (${errorMessage(err)})`, fix: 'Install Ollama (https://ollama.com), run `ollama serve`, or set OLLAMA_HOST. Without it threatstorm uses its offline engine.' });
    return checks;
  }
  const chosen = model ? names.find((n) => n === model || n === `${model}:latest` || n.split(':')[0] === model) : pickOllamaModel(names);
  if (!chosen) {
    checks.push({ name: 'model', ok: false, detail: model ? `"${model}" is not pulled` : 'no chat model is pulled', fix: `Run \`ollama pull ${model ?? 'qwen2.5:7b'}\`.` });
    return checks;
  }
  checks.push({ name: 'model', ok: true, detail: `${chosen}${model ? '' : ' (picked automatically; --model to choose)'}` });
  checks.push(await structuredRoundTrip(await ollamaPort(baseUrl, chosen, { provider: 'ollama', timeoutMs: 120_000 })));
  return checks;
}

/** `threatstorm doctor`: exit 0 when everything is good, 1 when something needs fixing (printed with the fix). */
export async function doctorCommand(opts: DoctorOptions): Promise<number> {
  setQuiet(!!opts.quiet);
  const checks = await runChecks(opts);
  if (opts.json) emit(JSON.stringify({ ok: checks.every((x) => x.ok), checks }, null, 2));
  else {
    emit(checks.map((x) => `${x.ok ? c.green('✓') : c.red('✗')} ${x.name.padEnd(17)} ${x.detail}${x.fix ? `\n  ${c.yellow('fix:')} ${x.fix}` : ''}`).join('\n'));
  }
  return checks.every((x) => x.ok) ? 0 : 1;
}
