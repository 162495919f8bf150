import type { MisuseCase, ThreatModel } from '../domain/index.js';
import { OWASP_LLM_2025, OWASP_ML_2023, atlasTechnique, isOwaspLlmId, isOwaspMlId } from '../taxonomy/index.js';
import { mdCell, mdInline, mdRow } from './escape.js';
import {
  MITIGATION_LABELS, MITIGATION_TYPES, byRisk, countsByLevel, hasAiComponents, isModelComponent, mitigationsByType,
  provenanceText, providerText, targetNames,
} from './facts.js';
import { attackTree, dataFlowDiagram, mermaidBlock } from './mermaid.js';

/** The warning shown when the injection self-check found instruction-like text in the inputs. */
export const INPUT_WARNING = '⚠ The input contains text that looks like instructions to an AI; it was treated as data.';

const LEVEL_ICON = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟩' } as const;

/** `critical 92` style risk text. */
function riskText(mc: MisuseCase): string {
  return `${LEVEL_ICON[mc.risk.level]} ${mc.risk.level} (${mc.risk.score})`;
}

/** ATLAS id with its name, escaped. */
function atlasText(id: string): string {
  const t = atlasTechnique(id);
  return mdInline(t ? `${id} ${t.name}` : id);
}

/** OWASP LLM or ML id with its name, escaped. */
function owaspText(id: string): string {
  if (isOwaspLlmId(id)) return mdInline(`${id} ${OWASP_LLM_2025[id]}`);
  if (isOwaspMlId(id)) return mdInline(`${id} ${OWASP_ML_2023[id]}`);
  return mdInline(id);
}

/** A bullet list of escaped items, or an italic placeholder. */
function bullets(items: readonly string[], empty = '_None listed._'): string[] {
  return items.length ? items.map((i) => `- ${mdInline(i)}`) : [empty];
}

function summarySection(model: ThreatModel): string[] {
  const counts = countsByLevel(model);
  const ai = model.system.components.filter(isModelComponent).length;
  const lines = [
    '## Summary',
    '',
    `- **System:** ${mdInline(model.system.name)}`,
    `- **Provider / model:** ${mdInline(providerText(model))}`,
    `- **Components:** ${model.system.components.length} (${ai} AI model${ai === 1 ? '' : 's'}), ` +
      `**data flows:** ${model.system.dataFlows.length}, **trust boundaries:** ${model.system.trustBoundaries.length}`,
    `- **Misuse cases:** ${model.misuseCases.length} — critical ${counts.critical}, high ${counts.high}, ` +
      `medium ${counts.medium}, low ${counts.low}`,
  ];
  if (model.system.description) lines.push(`- **Description:** ${mdInline(model.system.description)}`);
  const top = byRisk(model.misuseCases).slice(0, 3);
  if (top.length) {
    lines.push('', '**Top risks**', '');
    top.forEach((mc, i) => lines.push(`${i + 1}. **${mdInline(mc.id)}** ${mdInline(mc.title)} — ${riskText(mc)}`));
  }
  return lines;
}

function warningSection(model: ThreatModel): string[] {
  if (model.inputFindings.length === 0) return [];
  const lines = ['> [!WARNING]', `> ${INPUT_WARNING}`, '>'];
  for (const f of model.inputFindings) {
    const where = f.line ? `${f.source} line ${f.line}` : `${f.source} @${f.start}`;
    lines.push(
      `> - ${mdInline(where)}: **${mdInline(f.kind)}** in ${mdInline(f.hiding)} — “${mdInline(f.excerpt)}” — ${mdInline(f.reason)}`,
    );
  }
  return lines;
}

function riskTable(model: ThreatModel): string[] {
  const lines = [
    '## Risk overview',
    '',
    mdRow(['ID', 'Title', 'Targets', 'STRIDE', 'Risk', 'ATLAS / OWASP']),
    mdRow(['---', '---', '---', '---', '---', '---']),
  ];
  for (const mc of model.misuseCases) {
    const refs = [...mc.references.atlas, ...mc.references.owaspLlm, ...mc.references.owaspMl];
    lines.push(
      mdRow([
        `[${mdCell(mc.id)}](#${anchorFor(mc)})`,
        mdCell(mc.title),
        mdCell(targetNames(model, mc).join(', ')),
        mdCell(mc.stride.join(', ')),
        mdCell(`${mc.risk.level} (${mc.risk.score})`),
        mdCell(refs.join(', ')),
      ]),
    );
  }
  return lines;
}

/** A stable, safe anchor for a case heading (derived from the validated `MC-nnn` id only). */
function anchorFor(mc: MisuseCase): string {
  return `case-${mc.id.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
}

function caseSection(model: ThreatModel, mc: MisuseCase): string[] {
  const lines = [
    `<a id="${anchorFor(mc)}"></a>`,
    '',
    `### ${mdInline(mc.id)} — ${mdInline(mc.title)}`,
    '',
  ];
  if (mc.summary) lines.push(mdInline(mc.summary), '');
  lines.push(
    `- **Risk:** ${riskText(mc)} — likelihood ${mc.likelihood}, severity ${mc.severity}`,
    `- **Threat class:** ${mdInline(mc.threatClass)}`,
    `- **STRIDE:** ${mdInline(mc.stride.join(', '))}`,
    `- **Actor:** ${mdInline(mc.actor)}`,
    `- **Targets:** ${mdInline(targetNames(model, mc).join(', '))}`,
    `- **Status:** ${mdInline(mc.status)}`,
  );
  if (mc.risk.factors.length) lines.push(`- **Risk factors:** ${mdInline(mc.risk.factors.join('; '))}`);
  lines.push('', '#### Preconditions', '', ...bullets(mc.preconditions));
  lines.push('', '#### Attack tree', '', mermaidBlock(attackTree(mc)));
  lines.push('', '#### Steps', '', ...mc.steps.map((s, i) => `${i + 1}. ${mdInline(s)}`));
  lines.push('', '#### Impact', '', mdInline(mc.impact));
  lines.push('', '#### Mitigations');
  const groups = mitigationsByType(mc);
  for (const type of MITIGATION_TYPES) {
    lines.push('', `**${MITIGATION_LABELS[type]}**`, '');
    const items = groups[type];
    if (items.length === 0) lines.push('_None listed._');
    for (const m of items) lines.push(`- ${mdInline(m.text)} _(${m.status})_`);
  }
  lines.push('', '#### Monitoring signals', '', ...bullets(mc.signals));
  lines.push('', '#### Red-team tests', '', ...bullets(mc.redTeamTests));
  lines.push('', '#### Review questions', '', ...bullets(mc.reviewQuestions));
  lines.push('', '#### References', '');
  lines.push(`- **MITRE ATLAS:** ${mc.references.atlas.map(atlasText).join('; ') || '—'}`);
  lines.push(`- **OWASP LLM Top 10:** ${mc.references.owaspLlm.map(owaspText).join('; ') || '—'}`);
  lines.push(`- **OWASP ML Top 10:** ${mc.references.owaspMl.map(owaspText).join('; ') || '—'}`);
  lines.push(`- **Knowledge-base patterns:** ${mc.references.patterns.map(mdInline).join(', ') || '—'}`);
  lines.push('', `_Provenance: ${mdInline(provenanceText(mc))}${mc.provenance.note ? ` — ${mdInline(mc.provenance.note)}` : ''}_`);
  if (mc.notes.length) lines.push('', '#### Reviewer notes', '', ...bullets(mc.notes));
  return lines;
}

function casesSection(model: ThreatModel): string[] {
  const lines = ['## Misuse cases', ''];
  if (model.misuseCases.length > 0) {
    for (const mc of model.misuseCases) lines.push(...caseSection(model, mc), '');
    return lines;
  }
  lines.push(
    hasAiComponents(model)
      ? '_No misuse cases were found for this system._'
      : '_threatstorm found no AI components (LLM, ML model, embedding model or agent) in this system, ' +
          'so it has no AI-specific misuse cases. Check that the architecture names its models._',
  );
  return lines;
}

function runSection(model: ThreatModel): string[] {
  const run = model.run;
  const lines = [
    '## Run',
    '',
    `- ${mdInline(run.tool)}, provider ${mdInline(providerText(model))}, ` +
      `knowledge base of ${run.knowledgeBase.patterns} patterns (${mdInline(run.knowledgeBase.digest)})`,
  ];
  if (run.input) {
    lines.push(`- Input: ${mdInline(run.input.source)} (${mdInline(run.input.format)}, sha256 ${mdInline(run.input.sha256)}), ` +
      `guard verdict ${mdInline(run.input.verdict)}`);
  }
  if (run.calls) lines.push(`- Model calls: ${run.calls}, tokens ${run.promptTokens} in / ${run.completionTokens} out`);
  for (const f of run.fallbacks) lines.push(`- Fallback in ${mdInline(f.part)}: ${mdInline(f.reason)}`);
  for (const w of run.warnings) lines.push(`- Warning: ${mdInline(w)}`);
  return lines;
}

/**
 * The main human report of a threat model, as GitHub-flavoured Markdown: title, summary with the
 * top risks, a warning when the inputs held instruction-like text, a Mermaid data-flow diagram, a
 * risk table (one row per case), each case in full with its attack tree, and run details. Every
 * piece of untrusted text is escaped for its context.
 */
export function toMarkdown(model: ThreatModel): string {
  const warning = warningSection(model);
  const sections = [
    [`# Threat model: ${mdInline(model.system.name)}`, '', `_Generated by ${mdInline(model.run.tool)}. ` +
      'Misuse cases are a starting point for review, not a verdict._'],
    summarySection(model),
    warning,
    ['## Data-flow diagram', '', mermaidBlock(dataFlowDiagram(model.system))],
    model.misuseCases.length ? riskTable(model) : [],
    casesSection(model),
    runSection(model),
  ].filter((s) => s.length > 0);
  return `${sections.map((s) => s.join('\n')).join('\n\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
