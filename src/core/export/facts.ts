import { createHash } from 'node:crypto';
import type { Component, Mitigation, MisuseCase, Severity, ThreatModel } from '../domain/index.js';
import { AI_KINDS, MODEL_KINDS, SEVERITY_ORDER } from '../domain/constants.js';

/** Mitigation types in report order. */
export const MITIGATION_TYPES = ['prevent', 'detect', 'respond'] as const;

/** Display names of the mitigation types. */
export const MITIGATION_LABELS: Readonly<Record<Mitigation['type'], string>> = {
  prevent: 'Prevent',
  detect: 'Detect',
  respond: 'Respond',
};

/** Hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Components of the model by id. */
export function componentsById(model: ThreatModel): ReadonlyMap<string, Component> {
  return new Map(model.system.components.map((c) => [c.id, c]));
}

/** Names of the components a case targets, in the case's order (the raw id when a target is unknown). */
export function targetNames(model: ThreatModel, mc: MisuseCase): string[] {
  const byId = componentsById(model);
  return mc.targets.map((t) => byId.get(t)?.name ?? t);
}

/** True when the component is an AI model itself (LLM, ML model, embedding model, agent). */
export function isModelComponent(c: Component): boolean {
  return MODEL_KINDS.includes(c.kind);
}

/** True when the component is part of the AI attack surface (models, their data, tools, supply chain). */
export function isAiComponent(c: Component): boolean {
  return AI_KINDS.includes(c.kind);
}

/** True when the system has at least one AI model component. */
export function hasAiComponents(model: ThreatModel): boolean {
  return model.system.components.some(isModelComponent);
}

/**
 * A key that identifies "the same threat" across runs even when case ids shift: sorted pattern
 * ids, the threat class and the sorted targets.
 */
export function caseKey(mc: MisuseCase): string {
  const patterns = [...mc.references.patterns].sort();
  const targets = [...mc.targets].sort();
  return `${patterns.join('+') || '-'}|${mc.threatClass}|${targets.join(',')}`;
}

/** Index of a severity or risk level in {@link SEVERITY_ORDER} (higher is worse). */
export function levelRank(level: Severity): number {
  return SEVERITY_ORDER.indexOf(level);
}

/** Cases by risk, highest first (score, then level, then id), without changing the input. */
export function byRisk(cases: readonly MisuseCase[]): MisuseCase[] {
  return [...cases].sort(
    (a, b) => b.risk.score - a.risk.score || levelRank(b.risk.level) - levelRank(a.risk.level) || a.id.localeCompare(b.id),
  );
}

/** Number of cases per risk level, every level present (critical first). */
export function countsByLevel(model: ThreatModel): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const mc of model.misuseCases) counts[mc.risk.level] += 1;
  return counts;
}

/** Mitigations of a case grouped by type. */
export function mitigationsByType(mc: MisuseCase): Record<Mitigation['type'], Mitigation[]> {
  const groups: Record<Mitigation['type'], Mitigation[]> = { prevent: [], detect: [], respond: [] };
  for (const m of mc.mitigations) groups[m.type].push(m);
  return groups;
}

/** One-line provenance: `knowledge-base`, `model (name)`, with `fallback` when it stood in for model output. */
export function provenanceText(mc: MisuseCase): string {
  const p = mc.provenance;
  const parts: string[] = [p.source];
  if (p.model) parts.push(`(${p.model})`);
  if (p.fallback) parts.push('[fallback]');
  return parts.join(' ');
}

/** Provider and model of the run, e.g. `ollama / llama3.1:8b` or `offline`. */
export function providerText(model: ThreatModel): string {
  return model.run.model ? `${model.run.provider} / ${model.run.model}` : model.run.provider;
}
