import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AtlasIdSchema, ComponentSchema, MisuseCaseSchema, OwaspLlmIdSchema, OwaspMlIdSchema, SystemModelSchema, ThreatModelSchema,
  THREAT_CLASSES, COMPONENT_KINDS,
} from '../../../src/core/domain/index.js';
import { COMPONENT_KINDS as KINDS_NO_ZOD, THREAT_CLASSES as CLASSES_NO_ZOD } from '../../../src/core/domain/constants.js';
import { fixtureThreatModel } from '../../fixtures/threatModel.js';

describe('domain schemas', () => {
  it('accept only real ATLAS ids and edition-qualified OWASP ids', () => {
    expect(AtlasIdSchema.safeParse('AML.T0051.001').success).toBe(true);
    expect(AtlasIdSchema.safeParse('AML.T9999').success).toBe(false);
    expect(AtlasIdSchema.safeParse('T1059').success).toBe(false); // an ATT&CK id is not an ATLAS id
    expect(OwaspLlmIdSchema.safeParse('LLM01:2025').success).toBe(true);
    expect(OwaspLlmIdSchema.safeParse('LLM01').success).toBe(false);
    expect(OwaspLlmIdSchema.safeParse('LLM01:2026').success).toBe(false); // the 2026 list renumbers
    expect(OwaspMlIdSchema.safeParse('ML02:2023').success).toBe(true);
    expect(OwaspMlIdSchema.safeParse('ML11:2023').success).toBe(false);
  });

  it('reject unknown fields, unknown kinds and bad ids in a system model, and fill defaults', () => {
    expect(ComponentSchema.safeParse({ id: 'bot', name: 'Bot', kind: 'llm', colour: 'red' }).success).toBe(false);
    expect(ComponentSchema.safeParse({ id: 'bot', name: 'Bot', kind: 'robot' }).success).toBe(false);
    expect(ComponentSchema.safeParse({ id: 'Bad Id', name: 'Bot', kind: 'llm' }).success).toBe(false);
    const ok = SystemModelSchema.parse({ name: 'S', components: [{ id: 'bot', name: 'Bot', kind: 'llm' }] });
    expect(ok.dataFlows).toEqual([]);
    expect(ok.components[0]!.properties).toEqual([]);
  });

  it('require non-empty mitigations and at least one target and STRIDE category on a misuse case', () => {
    const model = fixtureThreatModel();
    const c = model.misuseCases[0]!;
    expect(MisuseCaseSchema.safeParse(c).success).toBe(true);
    expect(MisuseCaseSchema.safeParse({ ...c, mitigations: [] }).success).toBe(false);
    expect(MisuseCaseSchema.safeParse({ ...c, targets: [] }).success).toBe(false);
    expect(MisuseCaseSchema.safeParse({ ...c, stride: [] }).success).toBe(false);
    expect(MisuseCaseSchema.safeParse({ ...c, stride: ['Spoofing', 'Hacking'] }).success).toBe(false);
    expect(MisuseCaseSchema.safeParse({ ...c, id: 'case-1' }).success).toBe(false);
  });

  it('pin the threat model to schemaVersion "1" and reject unknown top-level fields', () => {
    const model = fixtureThreatModel();
    expect(ThreatModelSchema.safeParse(model).success).toBe(true);
    expect(ThreatModelSchema.safeParse({ ...model, schemaVersion: '2' }).success).toBe(false);
    expect(ThreatModelSchema.safeParse({ ...model, extra: true }).success).toBe(false);
  });

  it('describe every field, so models and the published JSON Schema can read them', () => {
    const json = JSON.stringify(z.toJSONSchema(MisuseCaseSchema));
    for (const field of ['actor', 'targets', 'stride', 'mitigations', 'signals', 'redTeamTests', 'reviewQuestions', 'references', 'provenance']) {
      expect(json).toContain(`"${field}"`);
    }
    const shape = MisuseCaseSchema.shape as Record<string, z.ZodType>;
    const undescribed = Object.entries(shape).filter(([, s]) => !s.description).map(([k]) => k);
    expect(undescribed).toEqual([]);
  });

  it('keep the zod-free constants identical to the schemas built from them', () => {
    expect(KINDS_NO_ZOD).toBe(COMPONENT_KINDS);
    expect(CLASSES_NO_ZOD).toBe(THREAT_CLASSES);
  });
});
