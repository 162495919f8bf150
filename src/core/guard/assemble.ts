/**
 * Turns raw cue matches into findings: reinforcement between nearby cues, de-duplication,
 * offsets and line numbers, and the verdict.
 */
import type { InputFinding, Verdict } from '../domain/finding.js';
import type { Cue, Family } from './patterns.js';
import type { Hiding } from './regions.js';

/** Score at or above which an input is an injection. */
export const INJECTION_THRESHOLD = 0.7;
/** Score at or above which an input is suspicious. */
export const SUSPICIOUS_THRESHOLD = 0.4;
const MIN_REPORTED = 0.2;
const MAX_FINDINGS = 200;

/** The guard's verdict on one input, its 0-1 score and what it found. */
export interface ScanResult {
  readonly verdict: Verdict;
  readonly score: number;
  readonly findings: InputFinding[];
}

/** A cue match before it becomes a finding. */
export interface Raw {
  family: Family;
  hiding: Hiding;
  origStart: number;
  origEnd: number;
  excerpt: string;
  reason: string;
  score: number;
  unit: string;
  cue: string;
  /** True when use-vs-mention lowered the score. */
  mentioned?: boolean;
}

/** Builds a raw finding from a cue match; the reason names the cue and the adjustments. */
export function raw(cue: Cue, hiding: Hiding, os: number, oe: number, excerpt: string, notes: string[], score: number, unit: string): Raw {
  const reason = `${cue.family} cue (${cue.id}); ${notes.join('; ')}`.slice(0, 500);
  return { family: cue.family, hiding, origStart: os, origEnd: oe, excerpt, reason, score: clamp(score), unit, cue: cue.id };
}

/** Builds a raw finding for hidden or encoded text found without a cue. */
export function hidden(kind: Family, at: { hiding: Hiding; origStart: number; origEnd: number }, decoded: string, reason: string, score: number): Raw {
  const excerpt = decoded.replace(/\s+/g, ' ').trim().slice(0, 120);
  return { family: kind, hiding: at.hiding, origStart: at.origStart, origEnd: at.origEnd, excerpt, reason, score, unit: `hid:${at.origStart}`, cue: kind };
}

/** Several different cues in one paragraph or hiding spot reinforce each other. */
export function compound(raws: Raw[]): void {
  const byUnit = new Map<string, Raw[]>();
  for (const r of raws) {
    // Only cues read as use reinforce each other; quoted or described ones stay mentions.
    if (r.score < 0.35 || r.mentioned || r.family === 'hidden-text' || r.family === 'encoded-payload') continue;
    const list = byUnit.get(r.unit) ?? [];
    list.push(r);
    byUnit.set(r.unit, list);
  }
  for (const list of byUnit.values()) {
    const cues = new Set(list.map((r) => r.cue));
    if (cues.size < 2) continue;
    for (const r of list) {
      const others = new Set([...cues].filter((c) => c !== r.cue)).size;
      r.score = clamp(r.score + Math.min(0.3, 0.1 * others));
      r.reason = `${r.reason}; reinforced by ${others} other cue(s) nearby`.slice(0, 500);
    }
  }
}

/** Keeps the reportable findings, maps them to InputFinding and adds the verdict. */
export function finish(raws: Raw[], text: string, source: string): ScanResult {
  const kept = dedupe(raws.filter((r) => r.score >= MIN_REPORTED))
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_FINDINGS)
    .sort((a, b) => a.origStart - b.origStart);
  const lines = lineStarts(text);
  const findings: InputFinding[] = kept.map((r) => ({
    source,
    kind: r.family,
    hiding: r.hiding,
    start: r.origStart,
    end: Math.max(r.origEnd, r.origStart),
    line: lowerBound(lines, r.origStart + 1),
    excerpt: r.excerpt,
    reason: r.reason,
    score: Math.round(r.score * 1000) / 1000,
  }));
  return summarize(findings);
}

/** Verdict and overall score (the highest finding score) for a list of findings. */
export function summarize(findings: InputFinding[]): ScanResult {
  const score = findings.reduce((mx, f) => Math.max(mx, f.score), 0);
  const verdict: Verdict = score >= INJECTION_THRESHOLD ? 'injection' : score >= SUSPICIOUS_THRESHOLD ? 'suspicious' : 'clean';
  return { verdict, score, findings };
}

/** Keeps the strongest of each cluster of overlapping findings of the same family. */
function dedupe(raws: Raw[]): Raw[] {
  const sorted = [...raws].sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : a.origStart - b.origStart));
  const out: Raw[] = [];
  let best: Raw | undefined;
  let clusterEnd = -1;
  for (const r of sorted) {
    if (best && r.family === best.family && r.origStart < clusterEnd) {
      clusterEnd = Math.max(clusterEnd, r.origEnd);
      if (r.score > best.score) best = r;
      continue;
    }
    if (best) out.push(best);
    best = r;
    clusterEnd = r.origEnd;
  }
  if (best) out.push(best);
  return out;
}

/** Index of the first element of `sorted` that is not below `v` (binary search). */
export function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Clamps a score to [0, 1]. */
export function clamp(x: number): number {
  return Math.max(0, Math.min(1, x));
}
