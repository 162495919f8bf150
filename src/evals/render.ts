import type { SuiteResult } from './types.js';

/** Renders rows as an aligned plain-text table (first row is the header). */
export function renderTable(rows: readonly (readonly string[])[]): string {
  if (!rows.length) return '';
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((cell, i) => (cell ?? '').padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** A suite result as human-readable text: metrics against thresholds, tables and notes. */
export function renderSuite(r: SuiteResult): string {
  const fmt = (k: string, v: number) => (Number.isInteger(v) && !/rate|recall|ness|stability/i.test(k) ? String(v) : `${(100 * v).toFixed(1)}%`);
  const metricRows = [['metric', 'value', 'threshold'], ...Object.entries(r.metrics).map(([k, v]) => {
    const t = r.thresholds[k];
    const th = t ? [t.min !== undefined ? `>= ${fmt(k, t.min)}` : '', t.max !== undefined ? `<= ${fmt(k, t.max)}` : ''].filter(Boolean).join(' ') : '';
    return [k, fmt(k, v), th];
  })];
  const parts = [`## suite: ${r.suite} (${r.tag}) — ${r.passed ? 'PASS' : 'FAIL'}`, '', renderTable(metricRows), '', renderTable(r.table)];
  for (const s of r.sections ?? []) parts.push('', `### ${s.title}`, renderTable(s.table));
  for (const n of r.notes ?? []) parts.push('', `note: ${n}`);
  return parts.join('\n');
}
