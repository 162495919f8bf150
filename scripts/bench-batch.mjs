// Batch throughput: `node scripts/bench-batch.mjs [--inputs N] [--keep]` (needs `npm run build`).
//   Generates N varied architectures (default 200; 10-20 components each; AI and non-AI systems;
//   Markdown, YAML and JSON) into a temp folder, then runs each scenario and prints a table of
//   inputs/s and peak RSS. Target: offline batch through the core API >= 50 inputs/s on 2 cores.
// Scenarios are entries of SCENARIOS below; each gets the context (paths, dist modules, helpers) and
// returns { inputs, ms, rssMb, note }. A simulated model server (an HTTP server speaking Ollama's
// protocol) plugs in as another scenario: start the server, pass `endpoints` and a `generate` built on
// it to `runBatch`, exactly like the offline one below.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const N = Number(opt('--inputs', 200));
const keep = args.includes('--keep');
const TARGET = 50;
if (!existsSync(join(root, 'dist', 'bin', 'cli.js'))) {
  console.error('bench-batch: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);

// ---- architecture generator (seeded, so every run benchmarks the same inputs) ----
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const AI_POOL = [
  ['Assistant LLM', 'llm', ['accepts-user-input', 'has-system-prompt', 'third-party-hosted', 'renders-output']],
  ['Support agent', 'agent', ['autonomous', 'calls-external-apis', 'sends-email', 'writes-data']],
  ['Vector index', 'vector-store', ['untrusted-content', 'multi-tenant']],
  ['Embedding model', 'embedding-model', ['third-party-hosted']],
  ['Agent memory', 'agent-memory', ['persistent-memory']],
  ['Code sandbox', 'code-interpreter', ['executes-code']],
  ['Ticket tool', 'tool', ['writes-data', 'calls-external-apis']],
  ['Fraud model', 'ml-model', ['exposes-predictions', 'returns-confidence', 'high-stakes-decisions', 'continuous-training']],
  ['Training pipeline', 'training-pipeline', ['continuous-training', 'learns-from-feedback']],
  ['Training data', 'training-data', ['external-labellers', 'handles-pii']],
  ['Model registry', 'model-registry', ['serialized-model']],
  ['Hugging Face hub', 'model-hub', ['from-public-hub']],
  ['Output guardrail', 'guardrail', []],
  ['Feature store', 'feature-store', ['handles-pii']],
];
const PLAIN_POOL = [
  ['Web app', 'frontend', ['internet-facing', 'accepts-user-input']],
  ['API gateway', 'service', ['internet-facing']],
  ['Orders service', 'service', ['writes-data']],
  ['Billing service', 'service', ['financial-actions']],
  ['Customer DB', 'database', ['handles-pii']],
  ['Cache', 'database', []],
  ['Uploads bucket', 'storage', ['untrusted-content']],
  ['Event bus', 'queue', []],
  ['Payments API', 'external-service', ['third-party-hosted', 'financial-actions']],
  ['Identity provider', 'identity', []],
  ['Logging', 'monitoring', []],
  ['CI pipeline', 'ci-cd', []],
  ['Mail relay', 'email', []],
  ['Partner CRM', 'external-service', ['third-party-hosted']],
];

function architecture(i) {
  const ai = i % 4 !== 3; // a quarter are plain web systems
  const size = 10 + Math.floor(rand() * 11);
  const comps = [['User', 'user', ['accepts-user-input']]];
  const pool = ai ? [...AI_POOL, ...PLAIN_POOL] : PLAIN_POOL;
  for (let k = 0; comps.length < size; k++) {
    const [name, kind, props] = pick(pool);
    comps.push([`${name}${k >= pool.length ? ` ${k}` : ''} ${comps.length}`, kind, props.filter(() => rand() > 0.3)]);
  }
  const id = (n) => n.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const flows = comps.slice(1).map((c, k) => [id(comps[Math.floor(rand() * (k + 1))][0]), id(c[0])]);
  const name = `${ai ? 'AI platform' : 'Web system'} ${i}`;
  const format = ['yaml', 'json', 'md'][i % 3];
  if (format === 'md') {
    const lines = [`# ${name}`, '', `${name} serves customers over the internet.`, '', '## Components', ''];
    for (const [n, kind, props] of comps) lines.push(`- **${n}**: a ${kind.replace(/-/g, ' ')}${props.length ? ` (${props.join(', ')})` : ''}.`);
    lines.push('', '## Data flows', '', ...flows.map(([a, b]) => `- ${comps.find((c) => id(c[0]) === a)[0]} sends data to ${comps.find((c) => id(c[0]) === b)[0]}.`));
    return { ext: 'md', text: `${lines.join('\n')}\n` };
  }
  const system = {
    name,
    components: comps.map(([n, kind, properties]) => ({ id: id(n), name: n, kind, properties })),
    dataFlows: flows.map(([from, to], k) => ({ id: `f${k + 1}`, from, to })),
  };
  if (format === 'json') return { ext: 'json', text: `${JSON.stringify(system, null, 2)}\n` };
  const yaml = [`name: ${name}`, 'components:', ...system.components.map((c) => `  - { id: ${c.id}, name: "${c.name}", kind: ${c.kind}, properties: [${c.properties.join(', ')}] }`),
    'dataFlows:', ...system.dataFlows.map((f) => `  - { id: ${f.id}, from: ${f.from}, to: ${f.to} }`)];
  return { ext: 'yaml', text: `${yaml.join('\n')}\n` };
}

const work = mkdtempSync(join(tmpdir(), 'threatstorm-bench-batch-'));
const inputs = join(work, 'inputs');
for (let i = 0; i < N; i++) {
  const { ext, text } = architecture(i);
  const dir = join(inputs, `team-${i % 10}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `system-${String(i).padStart(3, '0')}.${ext}`), text);
}

const rssMb = () => process.resourceUsage().maxRSS / 1024;

/** Runs the offline batch through the core API. */
async function coreRun(outDir, extra = {}) {
  const [{ runBatch }, { offlineGenerate }, { loadKnowledgeBase }] = await Promise.all([
    dist('core/batch/runBatch.js'), dist('core/batch/offline.js'), dist('core/kb/knowledgeBase.js'),
  ]);
  const kb = loadKnowledgeBase();
  const t0 = performance.now();
  const s = await runBatch(
    { inputs: [inputs], outDir, formats: ['markdown', 'json'], concurrency: availableParallelism(), provider: 'offline', model: null, kbDigest: kb.digest, toolVersion: 'bench', ...extra },
    { generate: offlineGenerate({ kb, toolVersion: 'bench' }) },
  );
  const ms = performance.now() - t0;
  if (s.failed) throw new Error(`${s.failed} input(s) failed, e.g. ${s.lines.find((l) => l.status === 'failed')?.error}`);
  return { inputs: s.total, ms, rssMb: rssMb(), note: `${s.rollup.cases} cases, ${s.upToDate} up to date` };
}

/**
 * Batch against a simulated local model: an in-process server speaking Ollama's protocol with 4
 * parallel slots, driven through the real ChatOllama client. Its replies are HAND-WRITTEN SAMPLES
 * shaped from the prompt, not model output: this measures scheduling, not answer quality.
 */
const MODEL_INPUTS = 12;
const SERVER_SLOTS = 4;
let modelBase = 0;
async function modelRun(concurrency) {
  const [{ runBatch }, { loadKnowledgeBase }, { startMockModelServer }, { ollamaPort, portOpen }, { runModelPipeline }, { finalModel }] = await Promise.all([
    dist('core/batch/runBatch.js'), dist('core/kb/knowledgeBase.js'), dist('testing/mockModelServer.js'), dist('cli/providers.js'),
    dist('core/pipeline/modelPipeline.js'), dist('core/pipeline/events.js'),
  ]);
  const dir = join(work, 'model-inputs');
  if (!existsSync(dir)) {
    mkdirSync(dir);
    const files = readdirSync(inputs).flatMap((t) => readdirSync(join(inputs, t)).filter((x) => /\.(yaml|json)$/.test(x)).map((x) => join(inputs, t, x)));
    for (const f of files.slice(0, MODEL_INPUTS)) copyFileSync(f, join(dir, f.split('/').pop()));
  }
  const sample = (target) => JSON.stringify({ cases: [{
    title: `Sample misuse against ${target}`, actor: 'An outside attacker', targets: [target], threatClass: 'prompt-injection', stride: ['Tampering'],
    preconditions: ['It reads attacker text'], steps: ['Plant text', 'The component follows it'], impact: 'The attacker steers it',
    likelihood: 'medium', severity: 'high', prevent: ['Separate data and instructions'], detect: ['Alert on instruction-like input'],
    respond: ['Quarantine the source'], signals: [], redTeamTests: [], reviewQuestions: [], patterns: [], atlas: ['AML.T0051.001'], owaspLlm: ['LLM01:2025'], owaspMl: [],
  }] });
  const server = await startMockModelServer({
    protocol: 'ollama', models: ['qwen2.5:7b'], parallel: SERVER_SLOTS, tokensPerSecond: 400, promptTokensPerSecond: 4000,
    reply: (r) => { const f = /^Focus: the components? "([^"]+)"/m.exec(r.prompt)?.[1]; return f ? sample(f) : '{"components":[],"flows":[]}'; },
  });
  try {
    const kb = loadKnowledgeBase();
    const port = await ollamaPort(server.url, 'qwen2.5:7b', { provider: 'ollama', concurrency: 1 });
    const t0 = performance.now();
    const s = await runBatch(
      { inputs: [dir], outDir: join(work, `out-model-${concurrency}`), formats: ['json'], concurrency, provider: 'ollama', model: 'qwen2.5:7b', kbDigest: kb.digest, toolVersion: 'bench' },
      {
        endpoints: [{ id: server.url, limit: concurrency, healthy: () => portOpen(server.url) }],
        generate: (doc, parsed, ctx) => finalModel(runModelPipeline(doc, parsed, { kb, toolVersion: 'bench', signal: ctx.signal, port, concurrency: 1, failOnUnavailable: true })),
      },
    );
    const ms = performance.now() - t0;
    if (s.failed) throw new Error(`${s.failed} input(s) failed`);
    if (concurrency === 1) modelBase = ms;
    return { inputs: s.total, ms, rssMb: rssMb(), note: `speed-up ${(modelBase / ms).toFixed(2)}x vs concurrency 1; ${server.requests.length} model calls` };
  } finally {
    await server.close();
  }
}

const SCENARIOS = [
  { name: 'core API, offline, cold', run: () => coreRun(join(work, 'out-core')) },
  { name: 'core API, rerun (all up to date)', run: () => coreRun(join(work, 'out-core')) },
  {
    name: 'CLI, offline, cold (incl. start-up)',
    run: () => {
      // the hook prints the child's peak RSS on exit, so the table can show it
      const hook = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nBENCH_MAXRSS='+process.resourceUsage().maxRSS+'\\n'))`;
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--import', hook, join(root, 'dist', 'bin', 'cli.js'), 'batch', inputs, '-o', join(work, 'out-cli'), '--provider', 'offline', '-q', '--json'], {
        cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024,
      });
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`CLI exited ${r.status}: ${r.stderr.slice(0, 500)}`);
      const s = JSON.parse(r.stdout);
      const rss = Number(/BENCH_MAXRSS=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
      return { inputs: s.total, ms, rssMb: rss, note: `${s.rollup.cases} cases` };
    },
  },
  ...(args.includes('--offline-only') ? [] : [1, 2, 4].map((c) => ({ name: `simulated model (${SERVER_SLOTS} slots), concurrency ${c}`, run: () => modelRun(c) }))),
];

const rows = [['scenario', 'inputs', 'wall', 'inputs/s', 'peak RSS', 'note']];
let coreRate = 0;
try {
  for (const sc of SCENARIOS) {
    const r = await sc.run();
    const rate = r.inputs / (r.ms / 1000);
    if (sc === SCENARIOS[0]) coreRate = rate;
    rows.push([sc.name, r.inputs, `${(r.ms / 1000).toFixed(2)} s`, rate.toFixed(1), `${r.rssMb.toFixed(0)} MB`, r.note]);
  }
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log(`batch throughput: ${N} architectures, ${availableParallelism()} core(s), Node ${process.version}\n`);
console.log(rows.map((r) => r.map((c, i) => String(c).padEnd(w[i])).join('  ')).join('\n'));
console.log(`\ntarget: core API offline >= ${TARGET} inputs/s -> ${coreRate >= TARGET ? 'MET' : 'NOT MET'} (${coreRate.toFixed(1)}/s)`);
