import type { Component, MisuseCase, SystemModel } from '../domain/index.js';
import { MermaidIds, mermaidLabel } from './escape.js';
import { isAiComponent, isModelComponent } from './facts.js';

const STORE_KINDS: ReadonlySet<Component['kind']> = new Set([
  'database', 'storage', 'vector-store', 'agent-memory', 'training-data', 'feature-store', 'model-registry',
]);

/** A node declaration: AI models as hexagons, stores as cylinders, everything else as boxes. */
function nodeDeclaration(id: string, c: Component): string {
  const label = mermaidLabel(`${c.name} (${c.kind})`);
  if (isModelComponent(c)) return `${id}{{${label}}}`;
  if (STORE_KINDS.has(c.kind)) return `${id}[(${label})]`;
  return `${id}[${label}]`;
}

/**
 * A Mermaid `flowchart LR` of the system model: one subgraph per trust boundary, AI models and
 * the rest of the AI attack surface styled apart through classDefs, labelled flows, and flows that
 * cross a trust boundary drawn thick. Node ids are generated (`c1`, `b1`), never taken from input.
 * Returns the diagram lines without the code fence.
 */
export function dataFlowDiagram(system: SystemModel): string[] {
  const nodes = new MermaidIds('c');
  const boundaries = new MermaidIds('b');
  const byId = new Map(system.components.map((c) => [c.id, c]));
  for (const c of system.components) nodes.id(c.id);

  const lines = ['flowchart LR'];
  const placed = new Set<string>();
  for (const b of system.trustBoundaries) {
    const members = b.components.filter((id) => byId.has(id) && !placed.has(id));
    if (members.length === 0) continue; // an empty subgraph only adds noise (and trips some renderers)
    lines.push(`  subgraph ${boundaries.id(b.id)}[${mermaidLabel(`Trust boundary: ${b.name}`)}]`);
    lines.push('    direction TB');
    for (const id of members) {
      placed.add(id);
      lines.push(`    ${nodeDeclaration(nodes.id(id), byId.get(id) as Component)}`);
    }
    lines.push('  end');
  }
  for (const c of system.components) {
    if (!placed.has(c.id)) lines.push(`  ${nodeDeclaration(nodes.id(c.id), c)}`);
  }
  for (const f of system.dataFlows) {
    const from = nodes.get(f.from);
    const to = nodes.get(f.to);
    if (!from || !to) continue; // a flow to an unknown component has no node to attach to
    const arrow = f.crossesBoundary ? '==>' : '-->';
    lines.push(f.label ? `  ${from} ${arrow}|${mermaidLabel(f.label, 80)}| ${to}` : `  ${from} ${arrow} ${to}`);
  }

  lines.push('  classDef aiModel fill:#ede9fe,stroke:#6d28d9,stroke-width:3px,color:#1e1b4b');
  lines.push('  classDef aiSurface fill:#fef3c7,stroke:#b45309,stroke-width:2px,color:#451a03');
  const models = system.components.filter(isModelComponent).map((c) => nodes.id(c.id));
  const surface = system.components.filter((c) => isAiComponent(c) && !isModelComponent(c)).map((c) => nodes.id(c.id));
  if (models.length) lines.push(`  class ${models.join(',')} aiModel`);
  if (surface.length) lines.push(`  class ${surface.join(',')} aiSurface`);
  return lines;
}

/**
 * A Mermaid attack tree for one case: the goal (the case title) at the top, refined by one AND
 * node whose children are the steps, numbered and chained in order. Returns lines without the fence.
 */
export function attackTree(mc: MisuseCase): string[] {
  const lines = ['flowchart TD'];
  lines.push(`  goal[${mermaidLabel(`Goal: ${mc.title}`)}]`);
  lines.push(`  and1{${mermaidLabel('AND: all steps, in order')}}`);
  lines.push('  goal --> and1');
  mc.steps.forEach((step, i) => {
    lines.push(`  s${i + 1}[${mermaidLabel(`${i + 1}. ${step}`)}]`);
    lines.push(`  and1 -->|${mermaidLabel(String(i + 1), 8)}| s${i + 1}`);
    if (i > 0) lines.push(`  s${i} -.->|${mermaidLabel('then', 8)}| s${i + 1}`);
  });
  lines.push('  classDef goalNode fill:#fee2e2,stroke:#b91c1c,stroke-width:2px,color:#450a0a');
  lines.push('  class goal goalNode');
  return lines;
}

/** Wraps diagram lines in a fenced `mermaid` code block. */
export function mermaidBlock(lines: readonly string[]): string {
  return ['```mermaid', ...lines, '```'].join('\n');
}
