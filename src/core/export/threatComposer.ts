import type { Mitigation, MisuseCase, Stride, ThreatModel } from '../domain/index.js';
import { mdInline, singleLine, truncate } from './escape.js';
import { MITIGATION_LABELS, sha256Hex, targetNames } from './facts.js';

/** Threat Composer workspace export schema version written as `schema`. */
export const THREAT_COMPOSER_SCHEMA_VERSION = 1;

const STRIDE_LETTER: Readonly<Record<Stride, 'S' | 'T' | 'R' | 'I' | 'D' | 'E'>> = {
  Spoofing: 'S', Tampering: 'T', Repudiation: 'R', 'Information Disclosure': 'I', 'Denial of Service': 'D',
  'Elevation of Privilege': 'E',
};

// Security goals (CIA) each STRIDE category erodes.
const STRIDE_GOALS: Readonly<Record<Stride, readonly Goal[]>> = {
  Spoofing: ['confidentiality', 'integrity'], Tampering: ['integrity'], Repudiation: ['integrity'],
  'Information Disclosure': ['confidentiality'], 'Denial of Service': ['availability'],
  'Elevation of Privilege': ['confidentiality', 'integrity'],
};
type Goal = 'confidentiality' | 'integrity' | 'availability';
const GOAL_ORDER: readonly Goal[] = ['confidentiality', 'integrity', 'availability'];

const PRIORITY = { critical: 'High', high: 'High', medium: 'Medium', low: 'Low' } as const;
const THREAT_STATUS = { open: 'threatIdentified', accepted: 'threatIdentified', rejected: 'threatResolvedNotUseful' } as const;
const MITIGATION_STATUS: Readonly<Record<Mitigation['status'], string>> = {
  proposed: 'mitigationIdentified', accepted: 'mitigationInProgress', implemented: 'mitigationResolved',
};

/**
 * Deterministic UUID (v4 layout) from a SHA-256 of the parts, so re-exporting the same model
 * yields the same ids and Threat Composer imports update rather than duplicate.
 */
export function deterministicUuid(...parts: readonly string[]): string {
  const h = sha256Hex(parts.join('\u0000')).split('');
  h[12] = '4';
  h[16] = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const x = h.join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Plain text Threat Composer accepts: one line, no HTML-tag-like `<…>` (its editors reject those), at most `max` characters. */
export function tcText(text: string, max: number): string {
  return truncate(singleLine(text).replace(/</g, '‹').replace(/>/g, '›'), max);
}

/** Markdown-safe inline text for Threat Composer descriptions. */
function tcInline(text: string): string {
  return mdInline(text.replace(/</g, '‹').replace(/>/g, '›'));
}

/** Lowercases the first letter unless the first word looks like an acronym or proper noun in caps (LLM, API). */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) || /^[A-Z]$/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function threatSource(mc: MisuseCase): string {
  return tcText(lowerFirst(singleLine(mc.actor).replace(/^(an?|the|any|some|one)\s+/i, '')), 200);
}

function prerequisites(mc: MisuseCase): string {
  const pre = mc.preconditions.map((p) => lowerFirst(singleLine(p).replace(/[.;]+$/, ''))).filter(Boolean);
  if (pre.length === 0) return '';
  const joined = joinAnd(pre);
  return tcText(/^(with|who|in|given|when|if|having|after|once|where|while|whose)\b/i.test(joined) ? joined : `given that ${joined}`, 200);
}

function impactedGoals(mc: MisuseCase): Goal[] {
  const goals = new Set(mc.stride.flatMap((s) => STRIDE_GOALS[s]));
  return GOAL_ORDER.filter((g) => goals.has(g));
}

function buildThreat(model: ThreatModel, mc: MisuseCase, index: number) {
  const source = threatSource(mc);
  const prereq = prerequisites(mc);
  const action = tcText(`perform the attack “${singleLine(mc.title)}”`, 200);
  const impact = tcText(lowerFirst(singleLine(mc.impact).replace(/[.\s]+$/, '')), 200);
  const goals = impactedGoals(mc);
  const assets = targetNames(model, mc).map((n) => tcText(n, 200));
  const article = /^[aeiou]/i.test(source) ? 'An' : 'A';
  const statement = `${article} ${source} ${prereq} can ${action}, which leads to ${impact}, ` +
    `resulting in reduced ${joinAnd(goals)} of ${joinAnd(assets)}`;
  const refs = [...mc.references.atlas, ...mc.references.owaspLlm, ...mc.references.owaspMl];
  const comment = `${mc.id} (threatstorm, risk ${mc.risk.level} ${mc.risk.score}). ${mc.summary}`;
  return {
    id: deterministicUuid(model.system.name, mc.id, 'threat'),
    numericId: index + 1,
    displayOrder: index + 1,
    metadata: [
      { key: 'STRIDE', value: mc.stride.map((s) => STRIDE_LETTER[s]) },
      { key: 'Priority', value: PRIORITY[mc.risk.level] },
      { key: 'Comments', value: tcText(comment, 1000) },
      { key: 'custom:threatstormCaseId', value: mc.id },
      { key: 'custom:threatstormRiskScore', value: String(mc.risk.score) },
      { key: 'custom:threatstormReferences', value: refs.map((r) => tcText(r, 200)) },
    ],
    tags: [...new Set([mc.id, mc.threatClass, ...refs].map((t) => tcText(t, 30)).filter(Boolean))],
    threatSource: source,
    prerequisites: prereq,
    threatAction: action,
    threatImpact: impact,
    impactedGoal: goals,
    impactedAssets: assets,
    statement: truncate(statement.replace(/\s+/g, ' ').trim(), 1400),
    status: THREAT_STATUS[mc.status],
  };
}

function architectureMarkdown(model: ThreatModel): string {
  const lines = ['### Components', ''];
  for (const c of model.system.components) {
    const props = c.properties.length ? ` — ${c.properties.join(', ')}` : '';
    lines.push(`- **${tcInline(c.name)}** (${c.kind})${props}${c.description ? `: ${tcInline(c.description)}` : ''}`);
  }
  if (model.system.trustBoundaries.length) {
    const names = new Map(model.system.components.map((c) => [c.id, c.name]));
    lines.push('', '### Trust boundaries', '');
    for (const b of model.system.trustBoundaries) {
      lines.push(`- **${tcInline(b.name)}**: ${tcInline(b.components.map((id) => names.get(id) ?? id).join(', '))}`);
    }
  }
  return truncate(lines.join('\n'), 100000);
}

function dataflowMarkdown(model: ThreatModel): string {
  const names = new Map(model.system.components.map((c) => [c.id, c.name]));
  const lines = ['### Data flows', ''];
  for (const f of model.system.dataFlows) {
    const label = f.label ? `: ${tcInline(f.label)}` : '';
    const crossing = f.crossesBoundary ? ' _(crosses a trust boundary)_' : '';
    lines.push(`- ${tcInline(names.get(f.from) ?? f.from)} → ${tcInline(names.get(f.to) ?? f.to)}${label}${crossing}`);
  }
  if (model.system.dataFlows.length === 0) lines.push('_No data flows were described._');
  return truncate(lines.join('\n'), 100000);
}

/**
 * The threat model as an AWS Threat Composer workspace export (`.tc.json`, schema v1): application
 * info, architecture and data-flow descriptions, assumptions, threats in Threat Composer's grammar
 * (source, prerequisites, action, impact, goal, assets, composed statement, STRIDE and priority
 * metadata), mitigations (shared ones deduplicated) and their links. Text is sanitised and cut to
 * the schema's limits; ids are deterministic UUIDs.
 */
export function toThreatComposer(model: ThreatModel): string {
  const system = model.system.name;
  const threats = model.misuseCases.map((mc, i) => buildThreat(model, mc, i));
  const mitigations: object[] = [];
  const mitigationLinks: { mitigationId: string; linkedId: string }[] = [];
  const mitigationIds = new Map<string, string>();
  model.misuseCases.forEach((mc, i) => {
    for (const m of mc.mitigations) {
      const content = tcText(`${MITIGATION_LABELS[m.type]}: ${m.text}`, 1000);
      const dedupeKey = content.toLowerCase();
      let id = mitigationIds.get(dedupeKey);
      if (!id) {
        id = deterministicUuid(system, 'mitigation', dedupeKey);
        mitigationIds.set(dedupeKey, id);
        const n = mitigations.length + 1;
        mitigations.push({ id, numericId: n, displayOrder: n, tags: [m.type], content, status: MITIGATION_STATUS[m.status] });
      }
      const linkedId = threats[i]!.id;
      if (!mitigationLinks.some((l) => l.mitigationId === id && l.linkedId === linkedId)) mitigationLinks.push({ mitigationId: id, linkedId });
    }
  });
  const assumptions = model.system.assumptions.map((a, i) => ({
    id: deterministicUuid(system, 'assumption', String(i), a),
    numericId: i + 1,
    displayOrder: i + 1,
    content: tcText(a, 1000),
  }));
  const description = [
    model.system.description ? tcInline(model.system.description) : '_No description was given._',
    '',
    `_Exported by ${tcInline(model.run.tool)} (${model.run.provider}); ` +
      `${model.misuseCases.length} misuse cases, ${model.inputFindings.length} input-guard findings._`,
  ].join('\n');
  const workspace = {
    schema: THREAT_COMPOSER_SCHEMA_VERSION,
    applicationInfo: { name: tcText(system, 200), description },
    architecture: { description: architectureMarkdown(model) },
    dataflow: { description: dataflowMarkdown(model) },
    assumptions,
    mitigations,
    assumptionLinks: [],
    mitigationLinks,
    threats,
  };
  return `${JSON.stringify(workspace, null, 2)}\n`;
}
