import { ATLAS_TECHNIQUES, type AtlasTechnique } from './atlasData.js';

export { ATLAS_VERSION, ATLAS_TECHNIQUES, type AtlasTechnique } from './atlasData.js';

/** The six STRIDE categories, spelled as the output contract fixes them. */
export const STRIDE = [
  'Spoofing',
  'Tampering',
  'Repudiation',
  'Information Disclosure',
  'Denial of Service',
  'Elevation of Privilege',
] as const;

/** OWASP Top 10 for LLM Applications, 2025 edition (edition-qualified ids). */
export const OWASP_LLM_2025 = {
  'LLM01:2025': 'Prompt Injection',
  'LLM02:2025': 'Sensitive Information Disclosure',
  'LLM03:2025': 'Supply Chain',
  'LLM04:2025': 'Data and Model Poisoning',
  'LLM05:2025': 'Improper Output Handling',
  'LLM06:2025': 'Excessive Agency',
  'LLM07:2025': 'System Prompt Leakage',
  'LLM08:2025': 'Vector and Embedding Weaknesses',
  'LLM09:2025': 'Misinformation',
  'LLM10:2025': 'Unbounded Consumption',
} as const;

/** OWASP Machine Learning Security Top 10, 2023 edition. */
export const OWASP_ML_2023 = {
  'ML01:2023': 'Input Manipulation Attack',
  'ML02:2023': 'Data Poisoning Attack',
  'ML03:2023': 'Model Inversion Attack',
  'ML04:2023': 'Membership Inference Attack',
  'ML05:2023': 'Model Theft',
  'ML06:2023': 'AI Supply Chain Attacks',
  'ML07:2023': 'Transfer Learning Attack',
  'ML08:2023': 'Model Skewing',
  'ML09:2023': 'Output Integrity Attack',
  'ML10:2023': 'Model Poisoning',
} as const;

export type OwaspLlmId = keyof typeof OWASP_LLM_2025;
export type OwaspMlId = keyof typeof OWASP_ML_2023;

const ATLAS_BY_ID: ReadonlyMap<string, AtlasTechnique> = new Map(ATLAS_TECHNIQUES.map((t) => [t.id, t]));

/** The ATLAS technique with this id, or undefined when the id is not a real technique. */
export function atlasTechnique(id: string): AtlasTechnique | undefined {
  return ATLAS_BY_ID.get(id);
}

/** True when the id names a real ATLAS technique or sub-technique. */
export function isAtlasId(id: string): boolean {
  return ATLAS_BY_ID.has(id);
}

/** True when the id is an edition-qualified OWASP LLM Top 10 2025 id such as `LLM01:2025`. */
export function isOwaspLlmId(id: string): id is OwaspLlmId {
  return Object.hasOwn(OWASP_LLM_2025, id);
}

/** True when the id is an edition-qualified OWASP ML Top 10 2023 id such as `ML02:2023`. */
export function isOwaspMlId(id: string): id is OwaspMlId {
  return Object.hasOwn(OWASP_ML_2023, id);
}

/** True for ATLAS techniques that serve only Reconnaissance or Resource Development. */
export function isPreAttackTechnique(id: string): boolean {
  const t = ATLAS_BY_ID.get(id);
  return !!t && t.tactics.every((x) => x === 'Reconnaissance' || x === 'Resource Development');
}
