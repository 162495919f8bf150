import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadKnowledgeBase, BUILTIN_KB_DIR } from '../../core/kb/knowledgeBase.js';
import { loadKbDir } from '../../core/kb/loadKb.js';
import { AppError, EXIT } from '../../core/errors.js';
import { PatternIndex } from '../../core/retrieval/search.js';
import { fill } from '../../core/engine/instantiate.js';
import { c, emit, info } from '../io.js';

/** Pattern text for reading outside a system: placeholders become neutral words. */
const NEUTRAL = { target: 'the target', system: 'the system', sources: 'its sources', sinks: 'its consumers' };
const neutral = (s: string) => fill(s, NEUTRAL);

interface KbOpts {
  kb?: string[];
  json?: boolean;
}

function kbOrFail(dirs: string[] = []) {
  const kb = loadKnowledgeBase(dirs);
  for (const e of kb.errors) info(c.yellow(`warning: ${e.file}: ${e.field || '(file)'}: ${e.message}`));
  return kb;
}

/** `kb list` */
export function kbList(opts: KbOpts): number {
  const { patterns } = kbOrFail(opts.kb);
  if (opts.json) {
    emit(JSON.stringify(patterns.map(({ body: _b, file: _f, ...p }) => p), null, 2));
    return EXIT.ok;
  }
  const rows = patterns.map((p) => [p.id, p.threatClass, p.stride.map((s) => s[0]).join(''), p.atlas.join(' ')]);
  const w0 = Math.max(...rows.map((r) => r[0]!.length), 2);
  const w1 = Math.max(...rows.map((r) => r[1]!.length), 5);
  const lines = [`${'ID'.padEnd(w0)}  ${'CLASS'.padEnd(w1)}  STRIDE  ATLAS`, ...rows.map((r) => `${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(w1)}  ${r[2]!.padEnd(6)}  ${r[3]}`)];
  emit(lines.join('\n'));
  info(c.dim(`${patterns.length} patterns`));
  return EXIT.ok;
}

/** `kb show ID` */
export function kbShow(id: string, opts: KbOpts): number {
  const { patterns } = kbOrFail(opts.kb);
  const p = patterns.find((x) => x.id === id);
  if (!p) {
    const idx = new PatternIndex(patterns);
    const near = idx.search(id.replace(/-/g, ' '), 3).map((h) => h.pattern.id);
    throw new AppError(`no pattern with id "${id}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''} Run \`threatstorm kb list\` to see all ids.`, EXIT.usage);
  }
  if (opts.json) {
    emit(JSON.stringify(p, null, 2));
    return EXIT.ok;
  }
  const list = (title: string, items: readonly string[]) => [`## ${title}`, ...items.map((i) => `- ${neutral(i)}`), ''];
  emit([
    `# ${neutral(p.title)}`, '', `id: ${p.id}  ·  class: ${p.threatClass}  ·  likelihood: ${p.likelihood}  ·  severity: ${p.severity}`,
    `STRIDE: ${p.stride.join(', ')}`, `ATLAS: ${p.atlas.join(', ') || '-'}`,
    `OWASP: ${[...p.owaspLlm, ...p.owaspMl].join(', ') || '-'}`,
    `applies to: ${p.appliesTo.kinds.join(', ')}${p.appliesTo.anyProperties.length ? ` with any of ${p.appliesTo.anyProperties.join(', ')}` : ''}${p.appliesTo.allProperties.length ? ` with all of ${p.appliesTo.allProperties.join(', ')}` : ''}`,
    '', neutral(p.summary), '', p.body, '',
    ...list('Attack steps', p.steps), ...list('Prevent', p.mitigations.prevent), ...list('Detect', p.mitigations.detect),
    ...list('Respond', p.mitigations.respond), ...list('Signals', p.signals), ...list('Red-team tests', p.redTeam),
    ...list('Review questions', p.questions),
  ].join('\n'));
  return EXIT.ok;
}

/** `kb search QUERY` */
export function kbSearch(query: string, opts: KbOpts & { limit?: number }): number {
  const { patterns } = kbOrFail(opts.kb);
  const hits = new PatternIndex(patterns).search(query, opts.limit ?? 10);
  if (opts.json) {
    emit(JSON.stringify(hits.map((h) => ({ id: h.pattern.id, title: h.pattern.title, threatClass: h.pattern.threatClass, score: Number(h.score.toFixed(3)) })), null, 2));
    return EXIT.ok;
  }
  if (!hits.length) {
    info(`no pattern matches "${query}"`);
    return EXIT.ok;
  }
  emit(hits.map((h) => `${h.score.toFixed(2).padStart(6)}  ${h.pattern.id}  ${c.dim(neutral(h.pattern.summary).replace(/\s+/g, ' ').slice(0, 90))}`).join('\n'));
  return EXIT.ok;
}

/** `kb validate [DIR]`: exit 1 when any file is bad. */
export function kbValidate(dir: string | undefined, opts: KbOpts): number {
  const target = dir ? resolve(dir) : BUILTIN_KB_DIR;
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    throw new AppError(`${dir} is not a folder. Give a folder of pattern files: \`threatstorm kb validate ./my-knowledge\`.`, EXIT.usage);
  }
  const { patterns, errors } = loadKbDir(target);
  if (opts.json) {
    emit(JSON.stringify({ dir: target, valid: patterns.length, errors }, null, 2));
  } else {
    for (const e of errors) emit(`${e.file}: ${e.field || '(file)'}: ${e.message}`);
    info(`${patterns.length} valid pattern(s), ${errors.length} error(s) in ${target}`);
  }
  if (!patterns.length && !errors.length) {
    throw new AppError(`${target} has no pattern files (*.md with YAML front matter).`, EXIT.usage);
  }
  return errors.length ? EXIT.findings : EXIT.ok;
}
