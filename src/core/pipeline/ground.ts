import type { LoadedPattern, MisuseCase, SystemModel } from '../domain/index.js';
import { isAtlasId, isOwaspLlmId, isOwaspMlId, type OwaspLlmId, type OwaspMlId } from '../taxonomy/index.js';
import { scoreRisk } from '../engine/risk.js';
import type { LlmCase } from '../llm/schemas.js';

/** Result of grounding one model case: the case (or null when it had to be dropped) and what was fixed. */
export interface Grounded {
  readonly case: MisuseCase | null;
  readonly fixes: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Resolves a target written by a model (an id, a name, or a near name) to a component id. */
export function resolveTarget(system: SystemModel, t: string): string | undefined {
  const byId = system.components.find((c) => c.id === t);
  if (byId) return byId.id;
  const n = norm(t);
  return (system.components.find((c) => norm(c.name) === n || norm(c.id) === n) ?? (n.length >= 4 ? system.components.find((c) => norm(c.name).includes(n) || n.includes(norm(c.name))) : undefined))?.id;
}

/** Qualifies "LLM01" as "LLM01:2025" and "ML2" as "ML02:2023"; other editions are left for rejection. */
function qualify(id: string, prefix: 'LLM' | 'ML', edition: string): string {
  const m = new RegExp(`^${prefix}\\s*0?(\\d{1,2})(?::(\\d{4}))?$`, 'i').exec(id.trim());
  if (!m) return id.trim();
  return `${prefix}${m[1]!.padStart(2, '0')}:${m[2] ?? edition}`;
}

/**
 * Grounds a model-written case: every target must exist (names are mapped to ids, unknown ones
 * removed), ATLAS/OWASP ids must be real (invalid ones removed), cited patterns must exist (else
 * the closest candidate pattern of the same class is cited). A case left without a target or
 * without any knowledge-base grounding is dropped, never passed through silently.
 */
export function groundCase(raw: LlmCase, system: SystemModel, patterns: ReadonlyMap<string, LoadedPattern>, candidates: readonly LoadedPattern[], model: string): Grounded {
  const fixes: string[] = [];
  const targets = [...new Set(raw.targets.map((t) => {
    const id = resolveTarget(system, t);
    if (!id) fixes.push(`removed unknown target "${t}"`);
    else if (id !== t) fixes.push(`mapped target "${t}" to "${id}"`);
    return id;
  }).filter((x): x is string => !!x))];
  if (!targets.length) return { case: null, fixes: [...fixes, `dropped "${raw.title}": none of its targets is a component`] };

  let cited = raw.patterns.filter((p) => patterns.has(p));
  for (const p of raw.patterns.filter((x) => !patterns.has(x))) fixes.push(`removed unknown pattern "${p}"`);
  if (!cited.length) {
    const kinds = new Set(targets.map((id) => system.components.find((c) => c.id === id)!.kind));
    const same = candidates.find((p) => p.threatClass === raw.threatClass)
      ?? [...patterns.values()].find((p) => p.threatClass === raw.threatClass && p.appliesTo.kinds.some((k) => kinds.has(k)));
    if (same) {
      cited = [same.id];
      fixes.push(`cited pattern "${same.id}" (same threat class)`);
    } else {
      return { case: null, fixes: [...fixes, `dropped "${raw.title}": it cites no knowledge-base pattern and none of class ${raw.threatClass} applies`] };
    }
  }
  const citedPatterns = cited.map((id) => patterns.get(id)!);
  const ai = citedPatterns.some((p) => p.ai);
  const keep = <T extends string>(ids: readonly string[], ok: (x: string) => boolean, what: string): T[] => {
    const good = [...new Set(ids.filter(ok))] as T[];
    for (const bad of ids.filter((x) => !ok(x))) fixes.push(`removed invalid ${what} id "${bad}"`);
    return good;
  };
  let atlas = keep<string>(raw.atlas.map((x) => x.trim()), isAtlasId, 'ATLAS');
  let owaspLlm = keep<OwaspLlmId>(raw.owaspLlm.map((x) => qualify(x, 'LLM', '2025')), isOwaspLlmId, 'OWASP LLM');
  let owaspMl = keep<OwaspMlId>(raw.owaspMl.map((x) => qualify(x, 'ML', '2023')), isOwaspMlId, 'OWASP ML');
  if (ai && !atlas.length && !owaspLlm.length && !owaspMl.length) {
    atlas = [...new Set(citedPatterns.flatMap((p) => p.atlas))];
    owaspLlm = [...new Set(citedPatterns.flatMap((p) => p.owaspLlm))];
    owaspMl = [...new Set(citedPatterns.flatMap((p) => p.owaspMl))];
    fixes.push('took ATLAS/OWASP ids from the cited patterns');
  }
  if (!ai) {
    atlas = [];
    owaspLlm = [];
    owaspMl = [];
  }
  const target = system.components.find((c) => c.id === targets[0])!;
  const mitigations = [
    ...raw.prevent.map((text) => ({ type: 'prevent' as const, text, status: 'proposed' as const })),
    ...raw.detect.map((text) => ({ type: 'detect' as const, text, status: 'proposed' as const })),
    ...raw.respond.map((text) => ({ type: 'respond' as const, text, status: 'proposed' as const })),
  ];
  const flows = system.dataFlows.filter((f) => targets.includes(f.to)).map((f) => f.id);
  return {
    fixes,
    case: {
      id: 'MC-000',
      title: raw.title.trim(),
      summary: '',
      actor: raw.actor,
      targets,
      flows,
      threatClass: raw.threatClass,
      stride: [...new Set(raw.stride)],
      preconditions: raw.preconditions,
      steps: raw.steps,
      impact: raw.impact,
      likelihood: raw.likelihood,
      severity: raw.severity,
      risk: scoreRisk(raw.likelihood, raw.severity, raw.threatClass, target),
      mitigations,
      signals: raw.signals,
      redTeamTests: raw.redTeamTests,
      reviewQuestions: raw.reviewQuestions,
      references: { patterns: cited, atlas, owaspLlm, owaspMl },
      provenance: { source: 'model', model },
      status: 'open',
      notes: [],
    },
  };
}
