import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MisuseCase, Severity, ThreatModel } from '../domain/index.js';
import { THREAT_CLASSES } from '../domain/constants.js';
import { mdInline, sanitizeText, singleLine, truncate } from './escape.js';
import {
  MITIGATION_LABELS, MITIGATION_TYPES, byRisk, caseKey, componentsById, mitigationsByType, provenanceText, sha256Hex,
  targetNames,
} from './facts.js';

/** Where users learn about threatstorm (SARIF `tool.driver.informationUri`). */
export const THREATSTORM_INFORMATION_URI = 'https://www.npmjs.com/package/threatstorm';

/** The SARIF 2.1.0 schema URI written as `$schema`. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Options of {@link toSarif}. */
export interface SarifOptions {
  /** The architecture document results point at; defaults to the run's input source. */
  readonly sourceUri?: string;
  /** Overrides {@link THREATSTORM_INFORMATION_URI}. */
  readonly informationUri?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

// GitHub code scanning bands for security-severity: critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0.
const SEVERITY_BAND: Readonly<Record<Severity, readonly [number, number]>> = {
  critical: [9, 10], high: [7, 8.9], medium: [4, 6.9], low: [0.1, 3.9],
};

/** The SARIF `security-severity` of a case: its 0-100 score on a 0-10 scale, kept inside its level's band. */
export function securitySeverity(mc: MisuseCase): string {
  const [lo, hi] = SEVERITY_BAND[mc.risk.level];
  return Math.min(hi, Math.max(lo, Math.round(mc.risk.score) / 10)).toFixed(1);
}

/** SARIF rule id of a case: its first knowledge-base pattern, else `threat-class/<class>` for model-only cases. */
export function sarifRuleId(mc: MisuseCase): string {
  return mc.references.patterns[0] ?? `threat-class/${mc.threatClass}`;
}

/** Turns a path or URI into a SARIF `uri`: URIs stay, absolute paths become `file://`, relative paths are percent-encoded. */
export function toArtifactUri(source: string): string {
  const s = singleLine(source);
  if (/^[a-z][a-z0-9+.-]+:/i.test(s)) return encodeURI(decodeSafely(s));
  if (isAbsolute(s) || /^[A-Za-z]:[\\/]/.test(s)) return pathToFileURL(s).href;
  return s.split(/[\\/]+/).filter((seg) => seg !== '' && seg !== '.').map(encodeURIComponent).join('/') || 'architecture';
}

function decodeSafely(uri: string): string {
  try {
    return decodeURI(uri);
  } catch {
    return uri;
  }
}

function mitigationHelp(mc: MisuseCase): { text: string; markdown: string } {
  const groups = mitigationsByType(mc);
  const text: string[] = [];
  const markdown: string[] = [];
  for (const type of MITIGATION_TYPES) {
    if (groups[type].length === 0) continue;
    text.push(`${MITIGATION_LABELS[type]}:`, ...groups[type].map((m) => `- ${singleLine(m.text)}`));
    markdown.push(`**${MITIGATION_LABELS[type]}**`, '', ...groups[type].map((m) => `- ${mdInline(m.text)}`), '');
  }
  return { text: text.join('\n'), markdown: markdown.join('\n').trimEnd() };
}

function ruleTags(cases: readonly MisuseCase[]): string[] {
  const tags = new Set<string>(['security', 'ai-threat-model']);
  for (const mc of cases) {
    tags.add(mc.threatClass);
    for (const t of [...mc.stride, ...mc.references.atlas, ...mc.references.owaspLlm, ...mc.references.owaspMl]) {
      tags.add(singleLine(t));
    }
  }
  return [...tags];
}

function buildRule(ruleId: string, cases: readonly MisuseCase[]) {
  const lead = cases[0] as MisuseCase; // highest risk case using the rule
  const classText = THREAT_CLASSES[lead.threatClass];
  return {
    id: ruleId,
    name: ruleId.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: truncate(singleLine(lead.title), 200) },
    fullDescription: { text: truncate(singleLine(`${classText} ${lead.summary || lead.impact}`), 1000) },
    help: mitigationHelp(lead),
    defaultConfiguration: { level: LEVEL[lead.risk.level] },
    properties: {
      tags: ruleTags(cases),
      precision: lead.provenance.source === 'knowledge-base' ? 'medium' : 'low',
      'security-severity': securitySeverity(lead),
      threatClass: lead.threatClass,
    },
  };
}

/** First `lines` entry of the first target component that has one, else 1. */
function startLine(model: ThreatModel, mc: MisuseCase): number {
  const byId = componentsById(model);
  for (const t of mc.targets) {
    const line = byId.get(t)?.lines[0];
    if (line !== undefined) return line;
  }
  return 1;
}

/**
 * The threat model as a SARIF 2.1.0 log for code-scanning tools (GitHub, Azure DevOps, IDEs):
 * one rule per knowledge-base pattern used (per threat class for model-only cases), one result per
 * misuse case located at the first source line that mentions its first target, and one result per
 * input-guard finding. Fingerprints are stable across runs for the same threat.
 */
export function toSarif(model: ThreatModel, opts: SarifOptions = {}): string {
  const source = opts.sourceUri ?? (model.run.input && !['-', 'chat'].includes(model.run.input.source)
    ? model.run.input.source : 'architecture');
  const uri = toArtifactUri(source);
  const casesByRule = new Map<string, MisuseCase[]>();
  for (const mc of byRisk(model.misuseCases)) {
    const ids = mc.references.patterns.length ? mc.references.patterns : [sarifRuleId(mc)];
    for (const id of ids) casesByRule.set(id, [...(casesByRule.get(id) ?? []), mc]);
  }
  const rules: object[] = [...casesByRule].map(([id, cases]) => buildRule(id, cases));
  const ruleIndex = new Map([...casesByRule.keys()].map((id, i) => [id, i]));

  const results: object[] = model.misuseCases.map((mc) => {
    const ruleId = sarifRuleId(mc);
    const targets = targetNames(model, mc).map((n) => singleLine(n));
    return {
      ruleId,
      ruleIndex: ruleIndex.get(ruleId),
      level: LEVEL[mc.risk.level],
      message: {
        text: truncate(singleLine(`${mc.id}: ${mc.title}. ${mc.summary || mc.impact} Targets: ${targets.join(', ')}. ` +
          `Risk ${mc.risk.level} (${mc.risk.score}).`), 2000),
      },
      locations: [{
        physicalLocation: { artifactLocation: { uri }, region: { startLine: startLine(model, mc) } },
        logicalLocations: mc.targets.map((t, i) => ({ name: targets[i] ?? t, fullyQualifiedName: singleLine(t) })),
      }],
      partialFingerprints: { 'threatstormCase/v1': sha256Hex(caseKey(mc)).slice(0, 32) },
      // A case rejected in review stays visible to tools as a suppressed result, not an open alert.
      ...(mc.status === 'rejected' ? { suppressions: [{ kind: 'external', justification: 'Rejected in threat-model review' }] } : {}),
      properties: {
        caseId: mc.id, riskScore: mc.risk.score, riskLevel: mc.risk.level, likelihood: mc.likelihood,
        severity: mc.severity, threatClass: mc.threatClass, stride: mc.stride, status: mc.status,
        provenance: sanitizeText(provenanceText(mc)), 'security-severity': securitySeverity(mc),
      },
    };
  });

  if (model.inputFindings.length) {
    ruleIndex.set('input-guard/instruction-like-text', rules.length);
    rules.push({
      id: 'input-guard/instruction-like-text',
      name: 'InstructionLikeTextInInput',
      shortDescription: { text: 'The architecture input contains text that looks like instructions to an AI' },
      fullDescription: { text: 'threatstorm treated this text as data. Check whether someone planted it to steer AI tools that read the document.' },
      help: { text: 'Remove or quote the instruction-like text, or confirm it is a legitimate mention.' },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['security', 'prompt-injection'], 'security-severity': '5.0' },
    });
    for (const f of model.inputFindings) {
      results.push({
        ruleId: 'input-guard/instruction-like-text',
        ruleIndex: ruleIndex.get('input-guard/instruction-like-text'),
        level: f.score >= 0.8 ? 'error' : 'warning',
        message: { text: truncate(singleLine(`${f.kind} (${f.hiding}): "${f.excerpt}" — ${f.reason}`), 2000) },
        locations: [{ physicalLocation: {
          artifactLocation: { uri: f.source === model.run.input?.source || f.source === '-' ? uri : toArtifactUri(f.source) },
          region: { startLine: f.line ?? 1 },
        } }],
        partialFingerprints: { 'threatstormFinding/v1': sha256Hex(`${f.kind}|${f.hiding}|${f.excerpt}`).slice(0, 32) },
        properties: { kind: f.kind, hiding: f.hiding, score: f.score },
      });
    }
  }

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'threatstorm',
        version: singleLine(model.run.tool),
        informationUri: opts.informationUri ?? THREATSTORM_INFORMATION_URI,
        rules,
      } },
      results,
      properties: {
        system: singleLine(model.system.name),
        provider: model.run.provider,
        model: model.run.model === null ? null : singleLine(model.run.model),
      },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
