import { randomBytes } from 'node:crypto';
import type { InputFinding, LoadedPattern, MisuseCase, SystemModel, ThreatModel } from '../domain/index.js';
import { MODEL_KINDS } from '../domain/constants.js';
import { casesVars, planParts, type Part } from './parts.js';
import { ProviderError, errorMessage } from '../errors.js';
import { generateOfflineCases } from '../engine/offline.js';
import { deriveSystem } from '../input/derive.js';
import type { InputDoc } from '../input/readInput.js';
import type { ParsedArchitecture } from '../input/parseArchitecture.js';
import { LLM_JSON_SCHEMAS, LlmCaseSchema, LlmCasesSchema, LlmExtractionSchema, type LlmCase } from '../llm/schemas.js';
import type { ChatPort } from '../llm/port.js';
import { classifyProviderError } from '../llm/port.js';
import { PatternIndex } from '../retrieval/search.js';
import { scanText } from '../guard/index.js';
import { buildOfflineThreatModel } from './offlineModel.js';
import { mergeExtraction } from './extractMerge.js';
import { groundCase } from './ground.js';
import { mergeCases } from './merge.js';
import { AsyncQueue, runGrowingPool } from './pool.js';
import { askStructured, type PromptKit, makePromptKit } from './structured.js';
import { stageTimer, throwIfAborted, type PipelineDeps } from './run.js';
import { inputGuardWarning, type PipelineEvent } from './events.js';

export { planParts, PART_SIZE, type Part } from './parts.js';

/** Dependencies of the model-backed pipeline: the injected chat model and how to use it. */
export interface ModelPipelineDeps extends PipelineDeps {
  readonly port: ChatPort;
  /** Model calls in flight at once (default: the port's parallelism). */
  readonly concurrency?: number;
  /** When false, any model failure fails the run (exit 3) instead of using offline cases for that part. */
  readonly fallback?: boolean;
  /** Cases asked of the model per part (default 4). */
  readonly casesPerPart?: number;
  /**
   * Model extraction of the prose: `always`, `never`, or `auto` (default): only for Markdown input
   * whose offline extraction looks weak (no AI model found, or fewer than four components), since
   * the call costs about as many tokens as the document.
   */
  readonly extract?: 'always' | 'auto' | 'never';
  /** Per-run secrets; tests pass fixed ones. */
  readonly kit?: PromptKit;
  /**
   * When the model server is unreachable or lacks the model, throw {@link EndpointUnavailableError}
   * instead of falling back to offline cases, so a batch can retry the input on another endpoint.
   */
  readonly failOnUnavailable?: boolean;
}

/** The model endpoint could not serve the run (down, or the model is missing). */
export class EndpointUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`the model endpoint is unavailable: ${reason}`);
    this.name = 'EndpointUnavailableError';
  }
}

/**
 * The model-backed pipeline. One small structured call per AI component, streamed: each case is
 * validated, checked and grounded as soon as its JSON object closes, and emitted at once. The first
 * part goes out before the model extraction of the prose, which then runs alongside the remaining
 * parts and adds parts for components it discovers. Invalid output gets one repair round; parts that
 * fail or look hijacked fall back to the offline cases. Ends with the merged, ranked threat model.
 */
export async function* runModelPipeline(doc: InputDoc, parsed: ParsedArchitecture, deps: ModelPipelineDeps): AsyncGenerator<PipelineEvent, ThreatModel> {
  const timings: Record<string, number> = {};
  const t = stageTimer(timings);
  const kit = deps.kit ?? makePromptKit(randomBytes(6).toString('hex'));
  const usage = { calls: 0, promptTokens: 0, completionTokens: 0 };
  const fallbacks: { part: string; reason: string }[] = [];
  const warnings: string[] = [...parsed.warnings];
  const fallbackAllowed = deps.fallback !== false;
  const queue = new AsyncQueue<PipelineEvent>();
  let providerDown: string | undefined;

  const warn = (message: string) => {
    warnings.push(message);
    queue.push({ type: 'warning', message });
  };
  const fail = (part: string, reason: string) => {
    if (!fallbackAllowed) throw new ProviderError(`the model failed on ${part}: ${reason}. Rerun without --no-fallback to use the offline cases for that part.`);
    fallbacks.push({ part, reason });
  };
  const account = (u: { calls: number; promptTokens: number; completionTokens: number }) => {
    usage.calls += u.calls;
    usage.promptTokens += u.promptTokens;
    usage.completionTokens += u.completionTokens;
    queue.push({ type: 'usage', ...usage });
  };
  const noteDown = (err: unknown, reason: string) => {
    if (isProviderDown(err) && deps.failOnUnavailable) throw new EndpointUnavailableError(reason);
    if (isProviderDown(err) && !providerDown) {
      providerDown = reason;
      warn(`the model is unavailable (${reason}); offline cases stand in`);
    }
  };

  yield t.start('scan');
  const scan = scanText(doc.text, { source: doc.source, format: parsed.format });
  yield t.end('scan');
  if (scan.verdict !== 'clean') {
    const ev = inputGuardWarning(doc.source, scan, 'it was passed to the model as marked data only, and the output is checked for signs that it obeyed');
    warnings.push(ev.message);
    yield ev;
  }
  const outputFindings: InputFinding[] = [];
  let system = parsed.system;
  yield { type: 'system', system };

  yield t.start('retrieve');
  const index = new PatternIndex(deps.kb.patterns);
  const byId = new Map(deps.kb.patterns.map((p) => [p.id, p]));
  let offlineAll = generateOfflineCases(system, deps.kb.patterns);
  const planned = new Set<string>();
  const modelCases = new Map<string, MisuseCase[]>();
  yield t.end('retrieve');

  const partTask = (part: Part) => async () => {
    throwIfAborted(deps.signal);
    const name = part.components.map((c) => c.id).join('+');
    const ids = new Set(part.components.map((c) => c.id));
    const ofPart = (c: MisuseCase) => c.targets.some((t) => ids.has(t));
    const offline = () => offlineAll.filter(ofPart).map(asFallback);
    const useOffline = () => {
      for (const c of offline()) queue.push({ type: 'case', case: c, part: name });
    };
    if (providerDown) {
      fail(name, providerDown);
      return useOffline();
    }
    const streamed: MisuseCase[] = [];
    const onItem = (json: string) => {
      let data: unknown;
      try {
        data = JSON.parse(json);
      } catch {
        return;
      }
      const item = LlmCaseSchema.safeParse(data);
      if (!item.success || kit.checkOutput(json, doc.text, scan.findings, [item.data]).length) return;
      const grounded = groundOne(item.data, system, byId, part.candidates, deps.port.model, warnings);
      if (!grounded) return;
      streamed.push(grounded);
      queue.push({ type: 'case', case: grounded, part: name });
    };
    const res = await askStructured(deps.port, kit, {
      user: kit.render('cases', casesVars(system, part, doc.text, (deps.casesPerPart ?? 3) + part.components.length - 1, kit)),
      schemaName: 'cases', jsonSchema: LLM_JSON_SCHEMAS.cases, schema: LlmCasesSchema, signal: deps.signal, onItem,
      keepPartial: () => streamed.length > 0,
    });
    account(res.usage);
    let accepted: MisuseCase[];
    if (res.ok) {
      const expected = offlineAll.filter(ofPart);
      const hijack = kit.checkOutput(res.raw, doc.text, scan.findings, res.value.cases, { caseCount: expected.length, severities: expected.map((c) => c.severity), exposedAi: isExposedAi(system) });
      if (hijack.length) {
        outputFindings.push(...hijack);
        fail(name, `the output looked hijacked (${hijack.map((h) => h.reason).join('; ')})`);
        warn(`model output for ${name} was not trusted: ${hijack[0]!.reason}; offline cases stand for that part`);
        if (streamed.length) queue.push({ type: 'retract', part: name, reason: hijack[0]!.reason });
        return useOffline();
      }
      // non-streaming ports deliver no items: ground the whole answer here
      accepted = streamed.length ? streamed : groundAll(res.value.cases, system, byId, part.candidates, deps.port.model, warnings);
      if (!streamed.length) for (const c of accepted) queue.push({ type: 'case', case: c, part: name });
    } else if (res.partial) {
      accepted = streamed;
      warn(`model output for ${name} broke off (${res.reason}); kept the ${streamed.length} case(s) that arrived intact`);
    } else {
      noteDown(res.error, res.reason);
      if (!isProviderDown(res.error)) warn(`model output for ${name} was unusable (${res.reason}); offline cases stand for that part`);
      fail(name, res.reason);
      return useOffline();
    }
    if (!accepted.length) {
      fail(name, 'no usable case after grounding');
      return useOffline();
    }
    modelCases.set(name, accepted);
  };

  const extractTask = async () => {
    throwIfAborted(deps.signal);
    if (providerDown) return;
    queue.push(t.start('extract'));
    const res = await askStructured(deps.port, kit, {
      // kinds and properties are enums in the JSON Schema sent with the request, not repeated here
      user: kit.render('extract', { document: kit.wrap(doc.text.slice(0, 24_000), 'architecture document') }),
      schemaName: 'extraction', jsonSchema: LLM_JSON_SCHEMAS.extraction, schema: LlmExtractionSchema, signal: deps.signal,
    });
    account(res.usage);
    if (res.ok) {
      const merged = mergeExtraction(system, res.value, doc.text);
      system = deriveSystem(merged.system);
      for (const w of merged.warnings) warn(w);
      offlineAll = generateOfflineCases(system, deps.kb.patterns);
      queue.push({ type: 'system', system });
      for (const part of planParts(system, deps.kb.patterns, index)) {
        const fresh = part.components.filter((c) => !planned.has(c.id));
        if (fresh.length) enqueue({ ...part, component: fresh[0]!, components: fresh });
      }
    } else {
      noteDown(res.error, res.reason);
      fail('extraction', res.reason);
      warn(`model extraction failed (${res.reason}); using the offline extraction`);
    }
    queue.push(t.end('extract'));
  };

  const tasks: (() => Promise<void>)[] = [];
  const enqueue = (part: Part) => {
    for (const c of part.components) planned.add(c.id);
    tasks.push(partTask(part));
  };
  for (const part of planParts(system, deps.kb.patterns, index)) enqueue(part);
  if (wantsExtraction(deps.extract ?? 'auto', parsed)) tasks.splice(Math.min(1, tasks.length), 0, extractTask);

  yield t.start('generate', `${tasks.length} call(s) planned`);
  const work = runGrowingPool(tasks, deps.concurrency ?? deps.port.parallelism).then(() => queue.close(), (e: unknown) => queue.fail(e));
  for await (const ev of queue) {
    throwIfAborted(deps.signal);
    yield ev;
  }
  await work;
  yield t.end('generate');

  yield t.start('merge');
  const fellBack = new Set(fallbacks.flatMap((f) => f.part.split('+')));
  const offlineKept = offlineAll.map((c) => (c.targets.some((t) => fellBack.has(t)) ? asFallback(c) : c));
  const misuseCases = mergeCases(offlineKept, [...modelCases.values()].flat(), deps.maxCases);
  yield t.end('merge');

  const base = buildOfflineThreatModel(system, { kb: deps.kb, toolVersion: deps.toolVersion, input: { source: doc.source, format: parsed.format, sha256: doc.sha256 }, scan, maxCases: 0 });
  const model: ThreatModel = {
    ...base,
    misuseCases,
    inputFindings: [...scan.findings, ...outputFindings],
    run: {
      ...base.run,
      provider: deps.port.provider,
      model: deps.port.model,
      ...usage,
      fallbacks,
      warnings: [...new Set([...base.run.warnings, ...warnings])],
      ...(deps.timings ? { stageMs: Object.fromEntries(Object.entries(timings).filter(([k]) => !k.includes(':'))) } : {}),
    },
  };
  yield { type: 'done', model };
  return model;
}

/** Whether to ask the model to extract the system from the prose (see ModelPipelineDeps.extract). */
export function wantsExtraction(mode: 'always' | 'auto' | 'never', parsed: ParsedArchitecture): boolean {
  if (mode !== 'auto') return mode === 'always';
  const { components } = parsed.system;
  return parsed.format === 'markdown' && (components.length < 4 || !components.some((c) => MODEL_KINDS.includes(c.kind)));
}

/** True when an AI model in the system is reachable by untrusted users or content. */
export function isExposedAi(system: SystemModel): boolean {
  return system.components.some((c) => MODEL_KINDS.includes(c.kind) && c.properties.some((p) => p === 'internet-facing' || p === 'accepts-user-input' || p === 'untrusted-content'));
}

function asFallback(c: MisuseCase): MisuseCase {
  return { ...c, provenance: { ...c.provenance, fallback: true, note: 'model output unavailable or not trusted for this part' } };
}

function isProviderDown(err: unknown): boolean {
  const kind = classifyProviderError(err);
  return err instanceof ProviderError && (kind === 'unreachable' || kind === 'model-missing' || /cannot reach|not available|not served|refused/.test(errorMessage(err)));
}

/** Grounds one model case, recording what had to be dropped or removed; null when nothing is left. */
function groundOne(raw: LlmCase, system: SystemModel, byId: Map<string, LoadedPattern>, candidates: readonly LoadedPattern[], model: string, warnings: string[]): MisuseCase | null {
  const g = groundCase(raw, system, byId, candidates, model);
  const serious = g.fixes.filter((f) => f.startsWith('dropped') || f.startsWith('removed'));
  if (serious.length) warnings.push(`grounding "${raw.title}": ${serious.join('; ')}`);
  return g.case;
}

function groundAll(cases: readonly LlmCase[], system: SystemModel, byId: Map<string, LoadedPattern>, candidates: readonly LoadedPattern[], model: string, warnings: string[]): MisuseCase[] {
  return cases.map((raw) => groundOne(raw, system, byId, candidates, model, warnings)).filter((c): c is MisuseCase => c !== null);
}

