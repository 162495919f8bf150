import type { ComponentKind } from '../domain/system.js';
import { cleanName, type ComponentTable } from './componentTable.js';
import type { Scenario } from './propertyCues.js';
import type { FlowDraft } from './proseFlows.js';

/** A property cue with a scenario fired: which components it targeted, where, and its wording. */
export interface ScenarioEvent {
  readonly scenario: Scenario;
  readonly targets: readonly number[];
  readonly at: number;
  readonly line: number;
  readonly text: string;
}

const MODELS: readonly ComponentKind[] = ['llm', 'ml-model', 'embedding-model'];
const ACTORS: readonly ComponentKind[] = ['agent', 'llm'];

/**
 * Adds the components and flows a cue implies: fine-tuning implies a training pipeline fed by
 * training data; labelling implies a labelling step feeding that data; learning from feedback implies
 * users feeding a feedback dataset; long-term memory, public hubs, browsing and RAG imply a memory
 * store, a model hub, web content and a vector store. Returns the implied flows.
 */
export function applyScenarios(table: ComponentTable, events: readonly ScenarioEvent[]): FlowDraft[] {
  const flows: FlowDraft[] = [];
  const flow = (from: number, to: number, at: number, label?: string): void => {
    if (from !== to) flows.push({ from, to, at, ...(label ? { label } : {}) });
  };
  const ensure = (e: ScenarioEvent, kind: ComponentKind, name: string, key?: string): number => {
    const existing = (key ? table.find(key) : undefined) ?? table.firstOf([kind]);
    const i = existing ?? table.create(name, kind, e.at, key);
    table.mention(i, e.at, e.line);
    return i;
  };
  const of = (e: ScenarioEvent, kinds: readonly ComponentKind[]): number[] => e.targets.filter((t) => kinds.includes(table.items[t]!.kind));
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    const fine = /fine-?tun|lora|adapter/i.test(e.text);
    switch (e.scenario) {
      case 'training': {
        const models = of(e, MODELS);
        if (!models.length) break;
        const pipeline = ensure(e, 'training-pipeline', fine ? 'Fine-tuning pipeline' : 'Training pipeline');
        const data = ensure(e, 'training-data', fine ? 'Fine-tuning data' : 'Training data');
        flow(data, pipeline, e.at, 'training examples');
        for (const m of models) flow(pipeline, m, e.at, fine ? 'fine-tuned weights' : 'trained model');
        const labelling = table.firstOf(['labeling']);
        if (labelling !== undefined) flow(labelling, data, e.at, 'labels');
        break;
      }
      case 'labelling': {
        const labelling = ensure(e, 'labeling', 'Labelling');
        const data = ensure(e, 'training-data', 'Training data');
        flow(labelling, data, e.at, 'labels');
        const pipeline = table.firstOf(['training-pipeline']);
        if (pipeline !== undefined) flow(data, pipeline, e.at, 'training examples');
        break;
      }
      case 'feedback': {
        const models = of(e, [...MODELS, 'agent']);
        if (!models.length) break;
        const users = ensure(e, 'user', 'Users', 'u:user');
        const data = ensure(e, 'training-data', 'Feedback data');
        const pipeline = ensure(e, 'training-pipeline', 'Retraining pipeline');
        flow(users, data, e.at, 'feedback and conversations');
        flow(data, pipeline, e.at, 'training examples');
        for (const m of models) flow(pipeline, m, e.at, 'updated model');
        break;
      }
      case 'memory': {
        const actors = of(e, ACTORS);
        const memory = ensure(e, 'agent-memory', 'Long-term memory', 'k:agent-memory');
        table.items[memory]!.props.add('persistent-memory');
        for (const a of actors) {
          flow(a, memory, e.at, 'memories to keep');
          flow(memory, a, e.at, 'recalled memories');
        }
        break;
      }
      case 'hub': {
        const models = of(e, MODELS);
        if (!models.length) break;
        const hub = ensure(e, 'model-hub', /hugging ?face|hf hub/i.test(e.text) ? 'Hugging Face' : 'Public model hub', 'k:model-hub');
        for (const m of models) flow(hub, m, e.at, 'model weights');
        break;
      }
      case 'web': {
        const actors = of(e, ['agent', 'tool', 'llm']);
        if (!actors.length) break;
        const web = ensure(e, 'web-content', 'Web pages', 'k:web-content');
        for (const a of actors) flow(web, a, e.at, 'fetched pages');
        break;
      }
      case 'rag': {
        if (table.firstOf(['vector-store']) !== undefined) break;
        const named = /vector (?:database|db|store|index)/i.exec(e.text)?.[0];
        ensure(e, 'vector-store', named ? cleanName(named) : 'Vector store', 'k:vector-store');
        break;
      }
      case 'agent':
        break;
    }
  }
  return flows;
}

/** Describes a flow for a warning: "A → B". */
const arrow = (table: ComponentTable, f: FlowDraft): string => `${table.items[f.from]!.name} → ${table.items[f.to]!.name}`;

/**
 * Fills gaps the text leaves. With no flows at all it assumes the usual chain (user → frontend →
 * service → agent → model, retrieval into the model, the model calling its tools). With some flows it
 * only connects tools no model calls, models nothing talks to and retrieval stores nothing reads.
 * Every inferred flow is named in a warning.
 */
export function inferFlows(table: ComponentTable, known: readonly FlowDraft[]): { flows: FlowDraft[]; warnings: string[] } {
  const flows: FlowDraft[] = [];
  const all = (): FlowDraft[] => [...known, ...flows];
  const touches = (i: number): boolean => all().some((f) => f.from === i || f.to === i);
  const linked = (a: number, b: number): boolean => all().some((f) => (f.from === a && f.to === b) || (f.from === b && f.to === a));
  const add = (from: number | undefined, to: number | undefined, label?: string): void => {
    if (from === undefined || to === undefined || from === to || linked(from, to)) return;
    flows.push({ from, to, at: Number.MAX_SAFE_INTEGER, ...(label ? { label } : {}) });
  };
  const first = (k: ComponentKind): number | undefined => table.firstOf([k]);
  const agent = first('agent');
  const llm = first('llm') ?? first('ml-model');
  const brain = agent ?? llm;
  const service = entryService(table, known) ?? first('service');
  if (!known.length) {
    const chain = [first('user'), first('frontend'), service, agent, llm].filter((x): x is number => x !== undefined);
    for (let i = 1; i < chain.length; i++) add(chain[i - 1], chain[i], i === 1 ? 'requests' : undefined);
    for (const v of table.allOf(['vector-store'])) add(v, brain, 'retrieved context');
    for (const e of table.allOf(['embedding-model'])) add(service ?? brain, e, 'text to embed');
    for (const s of table.allOf(['storage', 'web-content'])) add(s, first('vector-store') ?? brain, 'documents');
    for (const d of table.allOf(['database'])) add(service ?? brain, d, 'records');
    for (const q of table.allOf(['queue'])) add(service ?? brain, q, 'messages');
    for (const m of table.allOf(['monitoring'])) add(service ?? brain, m, 'logs');
    for (const x of table.allOf(['external-service'])) add(brain ?? service, x, 'API calls');
    for (const id of table.allOf(['identity'])) add(first('frontend') ?? service, id, 'sign-in');
    for (const m of table.allOf(['email'])) {
      if (brain !== undefined && table.items[brain]!.props.has('sends-email')) add(brain, m, 'outgoing email');
      else add(m, brain, 'incoming email');
    }
  } else {
    const users = table.allOf(['user']);
    if (users.length && !users.some(touches)) add(users[0], first('frontend'), 'requests');
    for (const m of table.allOf(['agent', 'llm'])) {
      if (touches(m)) continue;
      if (m !== agent && agent !== undefined) add(agent, m, 'prompts');
      else add(service ?? first('frontend'), m, 'prompts');
    }
    for (const v of table.allOf(['vector-store'])) if (!touches(v)) add(v, agent ?? first('llm'), 'retrieved context');
    for (const fs of table.allOf(['feature-store'])) if (!touches(fs)) add(fs, first('ml-model'), 'features');
  }
  for (const t of table.allOf(['tool', 'code-interpreter'])) {
    const callers = table.allOf(['agent', 'llm']);
    if (!callers.some((c) => linked(c, t))) add(brain, t, 'tool call');
  }
  const warnings: string[] = [];
  if (flows.length) {
    const list = flows.map((f) => arrow(table, f)).join(', ');
    warnings.push(known.length
      ? `flows inferred for components the text does not connect: ${list}. Describe who sends what to whom to make them exact.`
      : `flows inferred: the text describes no data flows, so threatstorm assumed ${list}. Describe the flows ("A sends X to B") or add a Mermaid diagram to make them exact.`);
  }
  return { flows, warnings };
}

/** The service a frontend or user talks to, else undefined. */
function entryService(table: ComponentTable, flows: readonly FlowDraft[]): number | undefined {
  const entry = flows.find((f) => table.items[f.to]!.kind === 'service' && ['frontend', 'user'].includes(table.items[f.from]!.kind));
  return entry?.to;
}
