import type { Component, ComponentKind, ThreatClass, ThreatModel } from '../domain/index.js';
import { mdCell, mdInline, mdRow } from './escape.js';
import { byRisk, isAiComponent, isModelComponent, providerText, targetNames } from './facts.js';

/** Known limitations worth stating in a system card, by the threat class that reveals them. */
export const LIMITATIONS: Partial<Readonly<Record<ThreatClass, string>>> = {
  misinformation: 'Outputs can be wrong or invented (hallucination) while sounding confident.',
  'model-drift': 'Quality can degrade silently after deployment as data or upstream models change.',
  evasion: 'Crafted or unusual inputs can make the model decide wrongly.',
  'third-party-model-risk': 'Behaviour depends on a third-party model that can change, fail or be withdrawn.',
  'feedback-loop-manipulation': 'Feedback that flows back into the model can be gamed to skew it over time.',
  'unbounded-consumption': 'Large or many requests can exhaust capacity or budget.',
  'denial-of-wallet': 'Pay-per-use inference can be abused to run up cost.',
  'prompt-injection': 'The model can be talked out of its instructions by crafted input.',
  'indirect-prompt-injection': 'Content the model reads can carry instructions it may follow.',
  'membership-inference': 'Outputs may reveal whether a record was in the training data.',
  'model-inversion': 'Outputs may allow training data or features to be reconstructed.',
};

const TRAINING_KINDS: readonly ComponentKind[] = ['training-data', 'training-pipeline', 'labeling', 'feature-store'];
const CORPUS_KINDS: readonly ComponentKind[] = ['vector-store', 'storage', 'web-content', 'email', 'agent-memory'];

function hosting(c: Component): string {
  if (c.properties.includes('third-party-hosted')) return 'Third-party hosted';
  if (c.properties.includes('self-hosted')) return 'Self-hosted';
  return 'Not stated';
}

function componentList(items: readonly Component[], empty: string): string[] {
  if (items.length === 0) return [empty];
  return items.map((c) => `- **${mdInline(c.name)}** (${c.kind})${c.description ? `: ${mdInline(c.description)}` : ''}`);
}

function dataSources(model: ThreatModel): string[] {
  const comps = model.system.components;
  const training = comps.filter((c) => TRAINING_KINDS.includes(c.kind) || c.properties.includes('fine-tuned') ||
    c.properties.includes('learns-from-feedback'));
  // Stores and feeds the AI reads, not the models that read them (a model with `retrieval` is a consumer).
  const corpora = comps.filter((c) => CORPUS_KINDS.includes(c.kind) ||
    (c.properties.includes('untrusted-content') && !isModelComponent(c) && c.kind !== 'user' && c.kind !== 'frontend'));
  const userInput = comps.filter((c) => c.kind === 'user' || c.properties.includes('accepts-user-input'));
  return [
    '## Data sources', '',
    '### Training and fine-tuning data', '', ...componentList(training, '_None described; state what the models were trained or fine-tuned on._'),
    '', '### Retrieval corpora and content the AI reads', '', ...componentList(corpora, '_None described._'),
    '', '### User input', '', ...componentList(userInput, '_None described._'),
  ];
}

function aiComponents(model: ThreatModel): string[] {
  const ai = model.system.components.filter(isAiComponent);
  if (ai.length === 0) {
    return ['## AI components', '', '_threatstorm found no AI components in this system._'];
  }
  const lines = ['## AI components', '', mdRow(['Name', 'Kind', 'Hosting', 'Properties']), mdRow(['---', '---', '---', '---'])];
  for (const c of ai) lines.push(mdRow([mdCell(c.name), mdCell(c.kind), mdCell(hosting(c)), mdCell(c.properties.join(', '))]));
  return lines;
}

function limitations(model: ThreatModel): string[] {
  const byClass = new Map<ThreatClass, string[]>();
  for (const mc of model.misuseCases) {
    if (LIMITATIONS[mc.threatClass]) byClass.set(mc.threatClass, [...(byClass.get(mc.threatClass) ?? []), mc.id]);
  }
  const lines = ['## Known limitations', ''];
  if (byClass.size === 0) return [...lines, '_None identified from the threat model; add what you know._'];
  for (const [cls, ids] of byClass) lines.push(`- ${LIMITATIONS[cls] ?? ''} (${mdInline(ids.join(', '))})`);
  return lines;
}

function openRisks(model: ThreatModel): string[] {
  const open = byRisk(model.misuseCases.filter((mc) => mc.status === 'open'));
  const lines = ['## Open risks', ''];
  if (open.length === 0) return [...lines, '_No open risks._'];
  lines.push(mdRow(['ID', 'Risk', 'Title', 'Targets']), mdRow(['---', '---', '---', '---']));
  for (const mc of open) {
    lines.push(mdRow([mdCell(mc.id), mdCell(`${mc.risk.level} (${mc.risk.score})`), mdCell(mc.title),
      mdCell(targetNames(model, mc).join(', '))]));
  }
  return lines;
}

function guardFindings(model: ThreatModel): string[] {
  const lines = ['## Input-guard findings', ''];
  if (model.inputFindings.length === 0) return [...lines, '_The injection self-check found nothing in the inputs._'];
  lines.push('The input contains text that looks like instructions to an AI; threatstorm treated it as data.', '');
  for (const f of model.inputFindings) {
    lines.push(`- ${mdInline(f.source)}${f.line ? ` line ${f.line}` : ''}: **${f.kind}** (${f.hiding}) — “${mdInline(f.excerpt)}”`);
  }
  return lines;
}

/**
 * A first draft of a model/system card in Markdown: purpose, AI components (kind, hosting,
 * properties), data sources (training data, retrieval corpora, user input), AI assets, assumptions,
 * known limitations (from threat classes such as misinformation or drift), open risks highest
 * first, and input-guard findings. Meant to be edited by the team.
 */
export function toSystemCard(model: ThreatModel): string {
  const s = model.system;
  const sections = [
    [`# System card (draft): ${mdInline(s.name)}`, '',
      `_First draft generated by ${mdInline(model.run.tool)} (${mdInline(providerText(model))}) ` +
        'from the architecture and its threat model. Review and complete every section._'],
    ['## Purpose', '', s.description ? mdInline(s.description) : '_Not stated in the input; describe what the system is for and who uses it._'],
    aiComponents(model),
    dataSources(model),
    ['## AI assets', '', ...(s.aiAssets.length
      ? s.aiAssets.map((a) => `- **${mdInline(a.name)}** (${a.kind}) in ${mdInline(s.components.find((c) => c.id === a.component)?.name ?? a.component)}`)
      : ['_None listed._'])],
    ['## Assumptions', '', ...(s.assumptions.length ? s.assumptions.map((a) => `- ${mdInline(a)}`) : ['_None stated._'])],
    limitations(model),
    openRisks(model),
    guardFindings(model),
  ];
  return `${sections.map((x) => x.join('\n')).join('\n\n')}\n`;
}
