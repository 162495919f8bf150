import { describe, expect, it } from 'vitest';
import { loadKbDir } from '../../../src/core/kb/loadKb.js';
import { BUILTIN_KB_DIR } from '../../../src/core/kb/knowledgeBase.js';
import { OWASP_LLM_2025, OWASP_ML_2023, STRIDE, isPreAttackTechnique } from '../../../src/core/taxonomy/index.js';
import { THREAT_CLASSES } from '../../../src/core/domain/index.js';

// The built-in knowledge base is product content: these are its coverage requirements.
const { patterns, errors } = loadKbDir(BUILTIN_KB_DIR);

describe('built-in knowledge base', () => {
  it('loads without a single error', () => {
    expect(errors).toEqual([]);
  });

  it('has at least 80 patterns', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(80);
  });

  it('covers at least 70 distinct ATLAS techniques outside Reconnaissance and Resource Development', () => {
    const ids = new Set(patterns.flatMap((p) => p.atlas).filter((id) => !isPreAttackTechnique(id)));
    expect(ids.size).toBeGreaterThanOrEqual(70);
  });

  it('covers every OWASP LLM 2025 and ML 2023 item with several patterns each', () => {
    for (const id of Object.keys(OWASP_LLM_2025)) {
      expect(patterns.filter((p) => p.owaspLlm.includes(id)).length, id).toBeGreaterThanOrEqual(3);
    }
    for (const id of Object.keys(OWASP_ML_2023)) {
      expect(patterns.filter((p) => p.owaspMl.includes(id)).length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('covers all six STRIDE categories with AI patterns', () => {
    for (const s of STRIDE) expect(patterns.filter((p) => p.ai && p.stride.includes(s)).length, s).toBeGreaterThanOrEqual(3);
  });

  it('has at least one pattern for every AI threat class', () => {
    for (const cls of Object.keys(THREAT_CLASSES)) {
      expect(patterns.some((p) => p.threatClass === cls), cls).toBe(true);
    }
  });

  it('keeps classic patterns free of AI references and AI patterns tagged', () => {
    for (const p of patterns) {
      if (!p.ai) expect([...p.atlas, ...p.owaspLlm, ...p.owaspMl], p.id).toEqual([]);
      // Drift is an AI failure without an adversary: no ATLAS technique or OWASP item describes it.
      else if (p.threatClass !== 'model-drift') expect(p.atlas.length + p.owaspLlm.length + p.owaspMl.length, p.id).toBeGreaterThan(0);
    }
  });
});
