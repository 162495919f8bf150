// npm run bench: speed targets are measured here, never in timed tests.
//   1. generate start-up: median wall time of `threatstorm generate` on a 20-component architecture
//      next to `node -e 0` in the same run (target: at most 4x).
//   2. injection guard: scan throughput on a 1 MB document (target: >= 10 MB/s).
//   3. simulated local model (HTTP server speaking Ollama's protocol at a set token rate): time to
//      first misuse case, total time, calls and tokens of the streaming pipeline next to a one-shot
//      baseline (the whole model in a single structured call) on the same server (targets: first
//      case >= 5x sooner; prompt tokens <= 2x the baseline's).
//   4. batch throughput (scripts/bench-batch.mjs), when present.
// Options: --only startup|scan|model|batch, --runs N. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 15;
const want = (s) => !only || only === s;
if (!existsSync(join(root, 'dist', 'bin', 'cli.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const table = (rows) => {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(w[i])).join('  ')).join('\n');
};

function timeCommand(cmd, argv, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

if (want('startup')) {
  const arch = 'bench/arch-20.md';
  const base = [], off = [], auto = [];
  for (let i = 0; i < runs; i++) {
    base.push(timeCommand('node', ['-e', '0']));
    off.push(timeCommand('node', ['dist/bin/cli.js', 'generate', arch, '--format', 'json', '--provider', 'offline', '-q']));
    auto.push(timeCommand('node', ['dist/bin/cli.js', 'generate', arch, '--format', 'json', '-q'], { OLLAMA_HOST: '127.0.0.1:9' }));
  }
  const b = median(base);
  console.log(`\n## generate start-up (${runs} runs each, median; 20-component architecture)\n`);
  console.log(table([
    ['command', 'median', 'x node -e 0'],
    ['node -e 0', fmt(b), '1.00'],
    ['generate --provider offline', fmt(median(off)), (median(off) / b).toFixed(2)],
    ['generate (auto, Ollama not running)', fmt(median(auto)), (median(auto) / b).toFixed(2)],
  ]));
  console.log(`target: at most 4x node -e 0 -> ${median(auto) / b <= 4 ? 'MET' : 'NOT MET'}`);
}

if (want('scan')) {
  const { scanText } = await import('../dist/core/guard/index.js');
  const para = readFileSync(join(root, 'evals', 'architectures', '01-support-chatbot-rag.md'), 'utf8');
  let doc = '';
  while (doc.length < 1024 * 1024) doc += `${para}\n<!-- reviewer note -->\n`;
  doc = doc.slice(0, 1024 * 1024);
  scanText(doc, { source: 'bench', format: 'markdown' });
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    scanText(doc, { source: 'bench', format: 'markdown' });
    times.push(performance.now() - t0);
  }
  const mbps = 1 / (median(times) / 1000);
  console.log(`\n## injection guard scan (1 MB Markdown, 5 runs)\n\nmedian ${fmt(median(times))} -> ${mbps.toFixed(1)} MB/s (target >= 10 MB/s: ${mbps >= 10 ? 'MET' : 'NOT MET'})`);
}

if (want('model')) {
  const { runModelSim } = await import('./bench-model.mjs');
  await runModelSim(root, table);
}

if (want('batch') && existsSync(join(root, 'scripts', 'bench-batch.mjs'))) {
  console.log('\n## batch\n');
  spawnSync('node', [join(root, 'scripts', 'bench-batch.mjs')], { cwd: root, stdio: 'inherit' });
}
