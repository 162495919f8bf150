import { resolve } from 'node:path';
import { SEVERITY_ORDER, type Severity } from '../domain/index.js';
import { isExpired, type AcceptList, type AcceptRule } from './accept.js';
import { compileGlob, toPosix } from './glob.js';
import type { CaseFact, SummaryLine } from './manifest.js';

/** A case that tripped `--fail-on`. */
export interface GateTrip {
  readonly input: string;
  readonly caseId: string;
  readonly title: string;
  readonly level: Severity;
  readonly score: number;
}

/** A case at or above the threshold that an accept-file rule covered. */
export interface GateAccepted extends GateTrip {
  /** 0-based index of the rule in the accept file. */
  readonly rule: number;
  readonly reason: string;
}

/** Result of the `--fail-on` gate. */
export interface GateResult {
  readonly failOn: Severity;
  /** Cases at or above the threshold without an accepted mitigation: any one fails the run. */
  readonly tripped: GateTrip[];
  readonly accepted: GateAccepted[];
  /** Rules past their `until` date that would otherwise have covered a case (those cases tripped). */
  readonly expired: { rule: number; until: string; reason: string; cases: number }[];
  /** Rules that matched nothing (likely a typo or a fixed risk). */
  readonly unused: number[];
  readonly passed: boolean;
}

/** True when `level` is at or above `threshold`. */
export function atOrAbove(level: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER.indexOf(level) >= SEVERITY_ORDER.indexOf(threshold);
}

interface CompiledRule {
  readonly index: number;
  readonly rule: AcceptRule;
  readonly input?: (absPosix: string) => boolean;
}

function compileRules(list: AcceptList | undefined): CompiledRule[] {
  if (!list) return [];
  return list.rules.map((rule, index) => {
    if (!rule.input) return { index, rule };
    const m = compileGlob(toPosix(resolve(list.baseDir, rule.input)));
    return { index, rule, input: (abs: string) => m.test(abs) };
  });
}

function ruleMatches(r: CompiledRule, line: SummaryLine, absInput: string, mc: CaseFact): boolean {
  const { rule } = r;
  if (r.input && !r.input(absInput)) return false;
  if (rule.pattern && !mc.patterns.includes(rule.pattern)) return false;
  if (rule.threatClass && mc.threatClass !== rule.threatClass) return false;
  if (rule.case && mc.id !== rule.case) return false;
  if (rule.target) {
    const want = rule.target.trim().toLowerCase();
    const names = new Map(line.components.map((c) => [c.id, c.name.trim().toLowerCase()]));
    if (!mc.targets.some((t) => t.toLowerCase() === want || names.get(t) === want)) return false;
  }
  return true;
}

/**
 * The `--fail-on` gate: every case at or above `failOn` must have an accepted or implemented
 * mitigation, have been accepted itself, or be covered by an unexpired accept-file rule.
 * `cwd` resolves input paths (as shown in summary.jsonl); `today` is `YYYY-MM-DD` (UTC).
 */
export function evaluateGate(
  lines: readonly SummaryLine[],
  failOn: Severity,
  accept: AcceptList | undefined,
  opts: { cwd?: string; today?: string } = {},
): GateResult {
  const cwd = opts.cwd ?? process.cwd();
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const rules = compileRules(accept);
  const used = new Set<number>();
  const expired = new Map<number, number>();
  const tripped: GateTrip[] = [];
  const accepted: GateAccepted[] = [];
  for (const line of lines) {
    if (line.status !== 'ok') continue;
    const absInput = toPosix(resolve(cwd, line.input));
    for (const mc of line.cases) {
      if (!atOrAbove(mc.level, failOn)) continue;
      const trip: GateTrip = { input: line.input, caseId: mc.id, title: mc.title, level: mc.level, score: mc.score };
      if (mc.handled) continue;
      const matching = rules.filter((r) => ruleMatches(r, line, absInput, mc));
      const live = matching.find((r) => !isExpired(r.rule, today));
      for (const r of matching) used.add(r.index);
      if (live) {
        accepted.push({ ...trip, rule: live.index, reason: live.rule.reason });
        continue;
      }
      for (const r of matching) expired.set(r.index, (expired.get(r.index) ?? 0) + 1);
      tripped.push(trip);
    }
  }
  const rulesList = accept?.rules ?? [];
  return {
    failOn,
    tripped: tripped.sort((a, b) => b.score - a.score || a.input.localeCompare(b.input) || a.caseId.localeCompare(b.caseId)),
    accepted,
    expired: [...expired].map(([rule, cases]) => ({ rule, until: rulesList[rule]!.until ?? '', reason: rulesList[rule]!.reason, cases })),
    unused: rulesList.map((_, i) => i).filter((i) => !used.has(i)),
    passed: tripped.length === 0,
  };
}
