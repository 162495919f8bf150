import type { Component, SystemModel } from '../domain/index.js';
import type { LlmExtraction } from '../llm/schemas.js';
import { resolveTarget } from './ground.js';

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function slug(name: string, taken: Set<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'component';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/**
 * Merges a model's extraction into the offline one. Components the document does not support
 * (neither their name nor their quoted evidence appears in the text) are dropped and reported;
 * known components gain the properties the model found; flows are added between known components.
 */
export function mergeExtraction(base: SystemModel, ext: LlmExtraction, text: string): { system: SystemModel; warnings: string[] } {
  const warnings: string[] = [];
  const doc = squash(text);
  const components: Component[] = base.components.map((c) => ({ ...c, properties: [...c.properties] }));
  const taken = new Set(components.map((c) => c.id));
  const current = (): SystemModel => ({ ...base, components });
  for (const mc of ext.components) {
    const id = resolveTarget(current(), mc.name);
    if (id) {
      const c = components.find((x) => x.id === id)!;
      for (const p of mc.properties) if (!c.properties.includes(p)) c.properties.push(p);
      continue;
    }
    const supported = doc.includes(squash(mc.name)) || (mc.evidence.trim().length >= 8 && doc.includes(squash(mc.evidence)));
    if (!supported) {
      warnings.push(`dropped component "${mc.name}" suggested by the model: the document does not mention it`);
      continue;
    }
    components.push({ id: slug(mc.name, taken), name: mc.name.trim(), kind: mc.kind, properties: [...mc.properties], lines: [] });
  }
  const dataFlows = [...base.dataFlows];
  const have = new Set(dataFlows.map((f) => `${f.from}>${f.to}`));
  let n = dataFlows.length;
  for (const f of ext.flows) {
    const from = resolveTarget(current(), f.from);
    const to = resolveTarget(current(), f.to);
    if (!from || !to || from === to || have.has(`${from}>${to}`)) continue;
    have.add(`${from}>${to}`);
    let id = `f${++n}`;
    while (dataFlows.some((x) => x.id === id)) id = `f${++n}`;
    dataFlows.push({ id, from, to, label: f.label.slice(0, 300) || undefined, crossesBoundary: false });
  }
  return { system: { ...base, components, dataFlows }, warnings };
}
