import type { Component, LoadedPattern, SystemModel } from '../domain/index.js';
import { MODEL_KINDS } from '../domain/constants.js';

/** True when the system has at least one AI model (LLM, ML model, embedding model or agent). */
export function isAiSystem(system: SystemModel): boolean {
  return system.components.some((c) => MODEL_KINDS.includes(c.kind));
}

/** True when `pattern` applies to `component` within `system`. */
export function patternApplies(pattern: LoadedPattern, component: Component, system: SystemModel, aiSystem: boolean): boolean {
  const { kinds, anyProperties, allProperties, systemHas } = pattern.appliesTo;
  if (pattern.ai && !aiSystem) return false;
  if (!kinds.includes(component.kind)) return false;
  const props = component.properties;
  if (anyProperties.length && !anyProperties.some((p) => props.includes(p))) return false;
  if (!allProperties.every((p) => props.includes(p))) return false;
  if (systemHas.length && !system.components.some((c) => c !== component && systemHas.includes(c.kind))) return false;
  return true;
}

/** Every (pattern, component) pair that applies, in knowledge-base order then component order. */
export function matchPatterns(
  system: SystemModel,
  patterns: readonly LoadedPattern[],
): { pattern: LoadedPattern; component: Component }[] {
  const aiSystem = isAiSystem(system);
  const out: { pattern: LoadedPattern; component: Component }[] = [];
  for (const pattern of patterns) {
    for (const component of system.components) {
      if (patternApplies(pattern, component, system, aiSystem)) out.push({ pattern, component });
    }
  }
  return out;
}
