import type { Component, Likelihood, Risk, Severity, ThreatClass } from '../domain/index.js';

const LIKELIHOOD_WEIGHT: Record<Likelihood, number> = { low: 0.35, medium: 0.6, high: 0.85 };
const SEVERITY_WEIGHT: Record<Severity, number> = { low: 0.3, medium: 0.55, high: 0.8, critical: 1 };

const DISCLOSURE: readonly ThreatClass[] = [
  'sensitive-data-disclosure', 'embedding-leakage', 'model-inversion', 'membership-inference', 'system-prompt-leakage',
];
const AGENCY: readonly ThreatClass[] = ['excessive-agency', 'tool-misuse', 'improper-output-handling', 'indirect-prompt-injection'];

/** Maps a 0-100 risk score to a level. */
export function riskLevel(score: number): Severity {
  // Calibrated so that a likely, high-impact threat is "high" and only exposure or a critical
  // impact makes it "critical": a report where most cases are critical helps nobody prioritise.
  if (score >= 75) return 'critical';
  if (score >= 50) return 'high';
  if (score >= 25) return 'medium';
  return 'low';
}

/**
 * Scores risk 0-100 as likelihood x severity, adjusted for the target's exposure: internet-facing
 * or user-facing targets, autonomy for agency threats and personal data for disclosure threats raise
 * it; a target no untrusted party reaches lowers it. Factors are returned so the score is explainable.
 */
export function scoreRisk(likelihood: Likelihood, severity: Severity, cls: ThreatClass, target: Component): Risk {
  let score = 100 * LIKELIHOOD_WEIGHT[likelihood] * SEVERITY_WEIGHT[severity];
  const factors: string[] = [];
  const props = target.properties;
  if (props.includes('internet-facing')) {
    score *= 1.15;
    factors.push('target is internet-facing (+15%)');
  }
  if (AGENCY.includes(cls) && props.includes('autonomous')) {
    score *= 1.15;
    factors.push('target acts without human approval (+15%)');
  }
  if (DISCLOSURE.includes(cls) && props.includes('handles-pii')) {
    score *= 1.1;
    factors.push('target handles personal or confidential data (+10%)');
  }
  if (props.includes('high-stakes-decisions')) {
    score *= 1.1;
    factors.push('target drives high-stakes decisions (+10%)');
  }
  const exposed = props.some((p) => p === 'internet-facing' || p === 'accepts-user-input' || p === 'untrusted-content');
  if (!exposed && (cls === 'prompt-injection' || cls === 'unbounded-consumption' || cls === 'denial-of-wallet')) {
    score *= 0.8;
    factors.push('no untrusted input reaches the target directly (-20%)');
  }
  const rounded = Math.min(100, Math.round(score));
  return { score: rounded, level: riskLevel(rounded), factors };
}
