import { SEVERITY_ORDER, type Severity } from '../domain/index.js';
import { STRIDE } from '../taxonomy/index.js';
import { csvRow, mdCell, mdInline, mdRow } from '../export/escape.js';
import { zeroCounts, type LevelCounts, type SummaryLine } from './manifest.js';
import type { GateResult } from './gate.js';

/** A case among the portfolio's top risks. */
export interface TopRisk {
  readonly input: string;
  readonly caseId: string;
  readonly title: string;
  readonly level: Severity;
  readonly score: number;
  readonly threatClass: string;
}

/** Something that recurs across inputs: a threat class or a component. */
export interface Recurring {
  readonly key: string;
  readonly label: string;
  /** Inputs it appears in. */
  readonly inputs: number;
  /** Cases about it, across inputs. */
  readonly cases: number;
}

/** The portfolio view over every input of a batch. */
export interface Rollup {
  readonly inputs: number;
  readonly ok: number;
  readonly upToDate: number;
  readonly failed: number;
  readonly skipped: number;
  readonly cases: number;
  readonly counts: LevelCounts;
  readonly stride: Record<string, number>;
  readonly owasp: Record<string, number>;
  readonly atlas: Record<string, number>;
  readonly topRisks: TopRisk[];
  /** Threat classes found in at least two inputs, most widespread first. */
  readonly threatClasses: Recurring[];
  /** Components (by kind and normalised name) targeted in at least two inputs. */
  readonly components: Recurring[];
  readonly failures: { input: string; error: string }[];
}

const inc = (rec: Record<string, number>, key: string, by = 1) => {
  rec[key] = (rec[key] ?? 0) + by;
};

const sortedRecord = (rec: Record<string, number>) =>
  Object.fromEntries(Object.entries(rec).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));

function recurring(map: Map<string, { label: string; inputs: Set<string>; cases: number }>): Recurring[] {
  return [...map]
    .filter(([, v]) => v.inputs.size >= 2)
    .map(([key, v]) => ({ key, label: v.label, inputs: v.inputs.size, cases: v.cases }))
    .sort((a, b) => b.inputs - a.inputs || b.cases - a.cases || (a.key < b.key ? -1 : 1));
}

/** Rolls the lines of a batch up into portfolio counts, top risks and recurring threats. */
export function rollUp(lines: readonly SummaryLine[], topN = 15): Rollup {
  const counts = zeroCounts();
  const stride: Record<string, number> = Object.fromEntries(STRIDE.map((s) => [s, 0]));
  const owasp: Record<string, number> = {};
  const atlas: Record<string, number> = {};
  const classes = new Map<string, { label: string; inputs: Set<string>; cases: number }>();
  const comps = new Map<string, { label: string; inputs: Set<string>; cases: number }>();
  const top: TopRisk[] = [];
  let cases = 0;
  for (const line of lines) {
    if (line.status !== 'ok') continue;
    const compById = new Map(line.components.map((c) => [c.id, c]));
    for (const mc of line.cases) {
      cases++;
      counts[mc.level]++;
      mc.stride.forEach((s) => inc(stride, s));
      mc.owasp.forEach((id) => inc(owasp, id));
      mc.atlas.forEach((id) => inc(atlas, id));
      const cls = classes.get(mc.threatClass) ?? { label: mc.threatClass, inputs: new Set<string>(), cases: 0 };
      cls.inputs.add(line.input);
      cls.cases++;
      classes.set(mc.threatClass, cls);
      for (const t of new Set(mc.targets)) {
        const c = compById.get(t);
        const name = (c?.name ?? t).trim().toLowerCase().replace(/\s+/g, ' ');
        const key = `${c?.kind ?? 'component'}:${name}`;
        const entry = comps.get(key) ?? { label: `${c?.name ?? t} (${c?.kind ?? 'component'})`, inputs: new Set<string>(), cases: 0 };
        entry.inputs.add(line.input);
        entry.cases++;
        comps.set(key, entry);
      }
      top.push({ input: line.input, caseId: mc.id, title: mc.title, level: mc.level, score: mc.score, threatClass: mc.threatClass });
    }
  }
  const rank = (l: Severity) => SEVERITY_ORDER.indexOf(l);
  top.sort((a, b) => b.score - a.score || rank(b.level) - rank(a.level) || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0) || (a.caseId < b.caseId ? -1 : 1));
  return {
    inputs: lines.length,
    ok: lines.filter((l) => l.status === 'ok').length,
    upToDate: lines.filter((l) => l.status === 'ok' && l.upToDate).length,
    failed: lines.filter((l) => l.status === 'failed').length,
    skipped: lines.filter((l) => l.status === 'skipped').length,
    cases,
    counts,
    stride,
    owasp: sortedRecord(owasp),
    atlas: sortedRecord(atlas),
    topRisks: top.slice(0, topN),
    threatClasses: recurring(classes),
    components: recurring(comps),
    failures: lines.filter((l) => l.status !== 'ok').map((l) => ({ input: l.input, error: l.error ?? l.status })),
  };
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  return [mdRow(header.map(mdCell)), mdRow(header.map(() => '---')), ...rows.map((r) => mdRow(r))];
}

/**
 * `summary.md`: the portfolio roll-up as Markdown. It holds no timestamps and does not say which
 * inputs were reused, so a rerun over unchanged inputs gives the same bytes.
 */
export function rollupMarkdown(r: Rollup, meta: { provider: string; model: string | null; settingsHash: string; gate?: GateResult }): string {
  const out: string[] = ['# threatstorm batch summary', ''];
  out.push(
    `- **Inputs:** ${r.inputs} — ok ${r.ok}, failed ${r.failed}, skipped ${r.skipped}`,
    `- **Misuse cases:** ${r.cases} — critical ${r.counts.critical}, high ${r.counts.high}, medium ${r.counts.medium}, low ${r.counts.low}`,
    `- **Provider / model:** ${mdInline(meta.provider)}${meta.model ? ` / ${mdInline(meta.model)}` : ''}; settings ${mdInline(meta.settingsHash)}`,
    '',
  );
  if (r.topRisks.length) {
    out.push('## Top risks across the portfolio', '');
    out.push(...table(['Input', 'Case', 'Title', 'Risk', 'Threat class'], r.topRisks.map((t) => [mdCell(t.input), mdCell(t.caseId), mdCell(t.title), `${t.level} (${t.score})`, mdCell(t.threatClass)])), '');
  }
  out.push('## By STRIDE', '', ...table(['STRIDE', 'Cases'], Object.entries(r.stride).map(([k, v]) => [mdCell(k), String(v)])), '');
  if (Object.keys(r.owasp).length) {
    out.push('## By OWASP Top 10 (LLM 2025, ML 2023)', '', ...table(['OWASP id', 'Cases'], Object.entries(r.owasp).map(([k, v]) => [mdCell(k), String(v)])), '');
  }
  if (r.threatClasses.length) {
    out.push('## Threat classes that recur across inputs', '', ...table(['Threat class', 'Inputs', 'Cases'], r.threatClasses.map((c) => [mdCell(c.label), String(c.inputs), String(c.cases)])), '');
  }
  if (r.components.length) {
    out.push('## Components that recur across inputs', '', ...table(['Component', 'Inputs', 'Cases'], r.components.slice(0, 30).map((c) => [mdCell(c.label), String(c.inputs), String(c.cases)])), '');
  }
  if (meta.gate) {
    const g = meta.gate;
    out.push(`## Gate: --fail-on ${g.failOn}`, '', g.passed ? `Passed: every case at ${g.failOn} or above is mitigated or accepted (${g.accepted.length} accepted).` : `**Failed:** ${g.tripped.length} case(s) at ${g.failOn} or above lack an accepted mitigation.`, '');
    if (g.tripped.length) out.push(...table(['Input', 'Case', 'Title', 'Risk'], g.tripped.map((t) => [mdCell(t.input), mdCell(t.caseId), mdCell(t.title), `${t.level} (${t.score})`])), '');
  }
  if (r.failures.length) {
    out.push('## Inputs not modelled', '', ...table(['Input', 'Problem'], r.failures.map((f) => [mdCell(f.input), mdCell(f.error)])), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Columns of `summary.csv`, one row per input. */
export const SUMMARY_CSV_COLUMNS = [
  'input', 'name', 'status', 'system', 'cases', 'critical', 'high', 'medium', 'low', ...STRIDE.map((s) => `stride_${s.toLowerCase().replace(/ /g, '_')}`),
  'owasp', 'top_risk', 'top_risk_level', 'top_risk_score', 'outputs', 'error',
] as const;

/** `summary.csv`: one row per input (RFC 4180, CRLF, spreadsheet formulas neutralised). */
export function rollupCsv(lines: readonly SummaryLine[]): string {
  const rows = [...lines].sort((a, b) => (a.input < b.input ? -1 : 1)).map((l) => {
    const top = l.cases.reduce<SummaryLine['cases'][number] | undefined>((best, c) => (!best || c.score > best.score ? c : best), undefined);
    const owasp = [...new Set(l.cases.flatMap((c) => c.owasp))].sort();
    return csvRow([
      l.input, l.name, l.status, l.system ?? '', l.caseCount, l.counts.critical, l.counts.high, l.counts.medium, l.counts.low,
      ...STRIDE.map((s) => l.cases.filter((c) => c.stride.includes(s)).length),
      owasp.join('; '), top?.title ?? '', top?.level ?? '', top?.score ?? '', l.outputs.join('; '), l.error ?? '',
    ]);
  });
  return `${[csvRow(SUMMARY_CSV_COLUMNS), ...rows].join('\r\n')}\r\n`;
}
