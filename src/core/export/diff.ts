import type { MisuseCase, Severity, ThreatModel } from '../domain/index.js';
import { mdCell, mdInline, mdRow } from './escape.js';
import { caseKey, levelRank } from './facts.js';
import { stringifyJson } from './json.js';

/** A case as the diff reports it. */
export interface DiffCase {
  /** Stable matching key: pattern ids, threat class and targets. */
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly riskLevel: Severity;
  readonly riskScore: number;
  readonly status: MisuseCase['status'];
}

/** A value before and after. */
export interface FromTo<T> {
  readonly from: T;
  readonly to: T;
}

/** What changed in a case present in both models. */
export interface CaseChange {
  readonly key: string;
  /** Id in the new model. */
  readonly id: string;
  /** Id in the old model (ids shift between runs). */
  readonly oldId: string;
  readonly title: string;
  readonly riskLevel?: FromTo<Severity>;
  readonly riskScore?: FromTo<number>;
  readonly status?: FromTo<MisuseCase['status']>;
  /** Mitigations added, as `type: text`. */
  readonly mitigationsAdded: readonly string[];
  /** Mitigations removed, as `type: text`. */
  readonly mitigationsRemoved: readonly string[];
  /** Names of the fields that changed. */
  readonly fields: readonly string[];
}

/** The difference between two threat models of the same system. */
export interface ThreatModelDiff {
  readonly added: readonly DiffCase[];
  readonly removed: readonly DiffCase[];
  readonly changed: readonly CaseChange[];
  readonly summary: {
    readonly added: number;
    readonly removed: number;
    readonly changed: number;
    readonly unchanged: number;
    /** Added cases at high or critical, plus cases that escalated to high or critical. */
    readonly newHighRisk: number;
  };
}

const HIGH = levelRank('high');

/** Keys made unique within one model: a repeated key gets `#2`, `#3` in case order. */
function keyed(cases: readonly MisuseCase[]): Map<string, MisuseCase> {
  const seen = new Map<string, number>();
  const out = new Map<string, MisuseCase>();
  for (const mc of cases) {
    const base = caseKey(mc);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base}#${n}`, mc);
  }
  return out;
}

function diffCase(key: string, mc: MisuseCase): DiffCase {
  return { key, id: mc.id, title: mc.title, riskLevel: mc.risk.level, riskScore: mc.risk.score, status: mc.status };
}

function mitigationSet(mc: MisuseCase): Map<string, string> {
  return new Map(mc.mitigations.map((m) => [`${m.type}:${m.text.trim().replace(/\s+/g, ' ').toLowerCase()}`, `${m.type}: ${m.text}`]));
}

function compare(key: string, a: MisuseCase, b: MisuseCase): CaseChange | undefined {
  const before = mitigationSet(a);
  const after = mitigationSet(b);
  const mitigationsAdded = [...after].filter(([k]) => !before.has(k)).map(([, v]) => v);
  const mitigationsRemoved = [...before].filter(([k]) => !after.has(k)).map(([, v]) => v);
  const fields: string[] = [];
  const change: { -readonly [K in keyof CaseChange]: CaseChange[K] } = {
    key, id: b.id, oldId: a.id, title: b.title, mitigationsAdded, mitigationsRemoved, fields,
  };
  if (a.risk.level !== b.risk.level) {
    change.riskLevel = { from: a.risk.level, to: b.risk.level };
    fields.push('riskLevel');
  }
  if (a.risk.score !== b.risk.score) {
    change.riskScore = { from: a.risk.score, to: b.risk.score };
    fields.push('riskScore');
  }
  if (a.status !== b.status) {
    change.status = { from: a.status, to: b.status };
    fields.push('status');
  }
  if (mitigationsAdded.length || mitigationsRemoved.length) fields.push('mitigations');
  return fields.length ? change : undefined;
}

/** True when a change raised the risk level to high or critical. */
export function isEscalation(c: CaseChange): boolean {
  return !!c.riskLevel && levelRank(c.riskLevel.to) >= HIGH && levelRank(c.riskLevel.to) > levelRank(c.riskLevel.from);
}

/**
 * Compares two threat models case by case, matching cases by a stable key (sorted pattern ids,
 * threat class, sorted targets) rather than by `MC-nnn` ids, which shift between runs.
 */
export function diffModels(oldModel: ThreatModel, newModel: ThreatModel): ThreatModelDiff {
  const before = keyed(oldModel.misuseCases);
  const after = keyed(newModel.misuseCases);
  const added = [...after].filter(([k]) => !before.has(k)).map(([k, mc]) => diffCase(k, mc));
  const removed = [...before].filter(([k]) => !after.has(k)).map(([k, mc]) => diffCase(k, mc));
  const changed: CaseChange[] = [];
  let unchanged = 0;
  for (const [k, mc] of after) {
    const old = before.get(k);
    if (!old) continue;
    const c = compare(k, old, mc);
    if (c) changed.push(c);
    else unchanged += 1;
  }
  const newHighRisk = added.filter((a) => levelRank(a.riskLevel) >= HIGH).length + changed.filter(isEscalation).length;
  return {
    added, removed, changed,
    summary: { added: added.length, removed: removed.length, changed: changed.length, unchanged, newHighRisk },
  };
}

/** True when the new model adds a high or critical case, or escalates one to high or critical (for CI gates). */
export function hasNewHighRisk(diff: ThreatModelDiff): boolean {
  return diff.added.some((a) => levelRank(a.riskLevel) >= HIGH) || diff.changed.some(isEscalation);
}

/** The diff as pretty JSON (2-space indent, trailing newline). */
export function toDiffJson(diff: ThreatModelDiff): string {
  return stringifyJson(diff);
}

function caseRows(cases: readonly DiffCase[]): string[] {
  return [
    mdRow(['ID', 'Title', 'Risk', 'Status']), mdRow(['---', '---', '---', '---']),
    ...cases.map((c) => mdRow([mdCell(c.id), mdCell(c.title), mdCell(`${c.riskLevel} (${c.riskScore})`), mdCell(c.status)])),
  ];
}

/** The diff as Markdown: summary line, then added, removed and changed cases. */
export function toDiffMarkdown(diff: ThreatModelDiff): string {
  const s = diff.summary;
  const lines = [
    '# Threat model changes', '',
    `${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.unchanged} unchanged.`,
  ];
  if (hasNewHighRisk(diff)) lines.push('', `> [!CAUTION]\n> ${s.newHighRisk} new or escalated high/critical risk${s.newHighRisk === 1 ? '' : 's'}.`);
  if (diff.added.length) lines.push('', '## Added', '', ...caseRows(diff.added));
  if (diff.removed.length) lines.push('', '## Removed', '', ...caseRows(diff.removed));
  if (diff.changed.length) {
    lines.push('', '## Changed', '');
    for (const c of diff.changed) {
      const idText = c.oldId === c.id ? c.id : `${c.id} (was ${c.oldId})`;
      lines.push(`### ${mdInline(idText)} — ${mdInline(c.title)}`, '');
      if (c.riskLevel) lines.push(`- Risk level: ${c.riskLevel.from} → ${c.riskLevel.to}${isEscalation(c) ? ' ⚠' : ''}`);
      if (c.riskScore) lines.push(`- Risk score: ${c.riskScore.from} → ${c.riskScore.to}`);
      if (c.status) lines.push(`- Status: ${c.status.from} → ${c.status.to}`);
      for (const m of c.mitigationsAdded) lines.push(`- Mitigation added: ${mdInline(m)}`);
      for (const m of c.mitigationsRemoved) lines.push(`- Mitigation removed: ${mdInline(m)}`);
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
