import type { AiAsset, Component, ComponentKind, ComponentProperty, DataFlow, SystemModel, TrustBoundary } from '../domain/system.js';
import { orderedProps } from './componentTable.js';

/** Capabilities an agent or model gets from the tools it is connected to. */
export const CAPABILITIES: readonly ComponentProperty[] = ['sends-email', 'executes-code', 'writes-data', 'financial-actions', 'browses-web', 'calls-external-apis'];

const MODELS: readonly ComponentKind[] = ['llm', 'ml-model', 'embedding-model'];
const LLM_LIKE: readonly ComponentKind[] = ['llm', 'agent'];
/** Kinds that pass data through unchanged for the purpose of "where does this model's input come from". */
const PASS_THROUGH: readonly ComponentKind[] = ['service', 'queue', 'guardrail'];
const UNTRUSTED_SOURCES: readonly ComponentKind[] = ['email', 'web-content', 'storage', 'external-service'];
const EXTERNAL_KINDS: readonly ComponentKind[] = ['user', 'web-content', 'email', 'external-service', 'model-hub'];
const MAX_HOPS = 4;

interface Graph {
  readonly byId: ReadonlyMap<string, Component & { props: Set<ComponentProperty> }>;
  readonly into: ReadonlyMap<string, string[]>;
  readonly out: ReadonlyMap<string, string[]>;
}

/** Components reached by walking flows from `start` (backwards or forwards), through pass-through kinds. */
function reach(g: Graph, start: string, dir: 'up' | 'down'): string[] {
  const edges = dir === 'up' ? g.into : g.out;
  const found: string[] = [];
  const seen = new Set<string>([start]);
  let frontier = [start];
  for (let hop = 0; hop < MAX_HOPS && frontier.length; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of edges.get(id) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        found.push(n);
        if (PASS_THROUGH.includes(g.byId.get(n)!.kind)) next.push(n);
      }
    }
    frontier = next;
  }
  return found;
}

/** Adds the properties that follow from the flows (see {@link deriveSystem}). */
function deriveProperties(g: Graph, flows: readonly DataFlow[]): void {
  for (const c of g.byId.values()) if (c.kind === 'code-interpreter') c.props.add('executes-code');
  for (const c of g.byId.values()) {
    const isLlm = LLM_LIKE.includes(c.kind);
    if (!isLlm && c.kind !== 'ml-model') continue;
    const upstream = reach(g, c.id, 'up').map((id) => g.byId.get(id)!);
    if (upstream.some((u) => u.kind === 'user' || u.kind === 'frontend')) c.props.add('accepts-user-input');
    if (!isLlm) continue;
    if (upstream.some((u) => u.kind === 'vector-store')) {
      c.props.add('retrieval');
      c.props.add('untrusted-content');
    }
    if (upstream.some((u) => UNTRUSTED_SOURCES.includes(u.kind))) c.props.add('untrusted-content');
    for (const f of flows) {
      const other = f.from === c.id ? f.to : f.to === c.id ? f.from : undefined;
      const o = other === undefined ? undefined : g.byId.get(other);
      if (!o) continue;
      if (o.kind === 'tool' || o.kind === 'code-interpreter') {
        for (const p of CAPABILITIES) if (o.props.has(p)) c.props.add(p);
        if (o.kind === 'tool') c.props.add('calls-external-apis');
      }
      if (o.kind === 'email' && f.from === c.id) c.props.add('sends-email');
      if (o.kind === 'external-service' && f.from === c.id && c.kind === 'agent') c.props.add('calls-external-apis');
    }
    const downstream = reach(g, c.id, 'down').map((id) => g.byId.get(id)!);
    if (downstream.some((d) => d.kind === 'frontend' && d.props.has('renders-output'))) c.props.add('renders-output');
  }
}

/** "External" (outsiders and third-party hosted things) and "System" (the rest). */
function defaultBoundaries(components: readonly (Component & { props: Set<ComponentProperty> })[]): TrustBoundary[] {
  const external = components.filter(
    (c) => EXTERNAL_KINDS.includes(c.kind)
      || (c.props.has('third-party-hosted') && (MODELS.includes(c.kind) || c.kind === 'guardrail'))
      || (c.kind === 'labeling' && c.props.has('external-labellers')),
  );
  const ext = new Set(external.map((c) => c.id));
  return [
    { id: 'external', name: 'External', components: external.map((c) => c.id) },
    { id: 'system', name: 'System', components: components.filter((c) => !ext.has(c.id)).map((c) => c.id) },
  ];
}

/** Flows whose ends sit in different sets of trust boundaries cross a boundary. */
function markCrossings(flows: readonly DataFlow[], boundaries: readonly TrustBoundary[]): DataFlow[] {
  if (!boundaries.length) return flows.map((f) => ({ ...f }));
  const zones = new Map<string, string>();
  const zoneOf = (id: string): string => {
    let z = zones.get(id);
    if (z === undefined) {
      z = boundaries.filter((b) => b.components.includes(id)).map((b) => b.id).join('|');
      zones.set(id, z);
    }
    return z;
  };
  return flows.map((f) => ({ ...f, crossesBoundary: f.crossesBoundary || zoneOf(f.from) !== zoneOf(f.to) }));
}

/** Asset id with a suffix, kept within the 80-character id limit. */
const assetId = (component: string, suffix: string): string => `${component.slice(0, 80 - suffix.length - 1).replace(/[-_]+$/, '')}-${suffix}`;
const assetName = (name: string, what: string): string => `${name} ${what}`.slice(0, 200);

/** The AI assets each component holds (weights, data, prompts, embeddings, memory, credentials). */
function deriveAssets(components: readonly (Component & { props: Set<ComponentProperty> })[], existing: readonly AiAsset[]): AiAsset[] {
  const assets = [...existing];
  const ids = new Set(existing.map((a) => a.id));
  const has = (kind: AiAsset['kind'], component: string): boolean => assets.some((a) => a.kind === kind && a.component === component);
  const add = (c: Component, kind: AiAsset['kind'], suffix: string, what: string): void => {
    const id = assetId(c.id, suffix);
    if (ids.has(id) || has(kind, c.id)) return;
    ids.add(id);
    assets.push({ id, name: assetName(c.name, what), kind, component: c.id });
  };
  const memoryOwners = new Set(components.filter((c) => c.kind === 'agent-memory').map((c) => c.id));
  for (const c of components) {
    const p = c.props;
    if ((MODELS.includes(c.kind) && (p.has('self-hosted') || p.has('fine-tuned'))) || c.kind === 'model-registry') add(c, 'model-weights', 'weights', 'model weights');
    if (c.kind === 'training-data' || c.kind === 'labeling') add(c, 'training-data', 'training-data', c.kind === 'labeling' ? 'labels' : 'dataset');
    if (c.kind === 'feature-store') add(c, 'feature-data', 'feature-data', 'features');
    if (c.kind === 'eval-gate') add(c, 'evaluation-data', 'eval-data', 'evaluation data');
    if (LLM_LIKE.includes(c.kind) && p.has('has-system-prompt')) add(c, 'system-prompt', 'system-prompt', 'system prompt');
    if (c.kind === 'vector-store') add(c, 'embeddings', 'embeddings', 'embeddings');
    if (c.kind === 'agent-memory' || (c.kind === 'agent' && p.has('persistent-memory') && !memoryOwners.size)) add(c, 'agent-memory', 'memory', 'memory');
    if ((MODELS.includes(c.kind) || c.kind === 'agent') && p.has('third-party-hosted')) add(c, 'model-api-credentials', 'api-credentials', 'API credentials');
  }
  return assets;
}

/**
 * Completes a system model with what follows from it, for every input format:
 * (a) properties from flows: an LLM or agent fed (directly or through services, queues and guardrails)
 * by users or frontends accepts user input, by a vector store does retrieval on untrusted content, by
 * email, web content, storage or external services reads untrusted content; LLMs and agents inherit
 * the capabilities of tools, code interpreters and mailboxes they are connected to; a model whose
 * output reaches a frontend marked `renders-output` renders output too;
 * (b) `crossesBoundary` on flows between different trust zones;
 * (c) AI assets with stable ids;
 * (d) "External" and "System" boundaries when none are given.
 * Deterministic and idempotent: deriving a derived model changes nothing. Component order is kept.
 */
export function deriveSystem(system: SystemModel): SystemModel {
  const components = system.components.map((c) => ({ ...c, props: new Set(c.properties) }));
  const byId = new Map(components.map((c) => [c.id, c] as const));
  const flows = system.dataFlows.filter((f) => byId.has(f.from) && byId.has(f.to));
  const into = new Map<string, string[]>();
  const out = new Map<string, string[]>();
  for (const f of flows) {
    into.set(f.to, [...(into.get(f.to) ?? []), f.from]);
    out.set(f.from, [...(out.get(f.from) ?? []), f.to]);
  }
  deriveProperties({ byId, into, out }, flows);
  const trustBoundaries = system.trustBoundaries.length ? system.trustBoundaries.map((b) => ({ ...b, components: [...b.components] })) : defaultBoundaries(components);
  const aiAssets = deriveAssets(components, system.aiAssets);
  return {
    ...system,
    components: components.map(({ props, ...c }) => ({ ...c, properties: orderedProps(props), lines: [...c.lines] })),
    dataFlows: markCrossings(system.dataFlows, trustBoundaries),
    trustBoundaries,
    aiAssets,
    assumptions: [...system.assumptions],
  };
}
