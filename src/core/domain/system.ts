import { z } from 'zod';
import { COMPONENT_KINDS, COMPONENT_PROPERTIES } from './constants.js';

export { COMPONENT_KINDS, COMPONENT_PROPERTIES, MODEL_KINDS, AI_KINDS } from './constants.js';


/** A component kind, e.g. `llm` or `vector-store`. */
export const ComponentKindSchema = z
  .enum(Object.keys(COMPONENT_KINDS) as [keyof typeof COMPONENT_KINDS, ...(keyof typeof COMPONENT_KINDS)[]])
  .describe('What the component is; one of the threatstorm component kinds');
export type ComponentKind = z.infer<typeof ComponentKindSchema>;




/** A component property, e.g. `accepts-user-input`. */
export const ComponentPropertySchema = z
  .enum(Object.keys(COMPONENT_PROPERTIES) as [keyof typeof COMPONENT_PROPERTIES, ...(keyof typeof COMPONENT_PROPERTIES)[]])
  .describe('A property that makes threats apply; one of the threatstorm component properties');
export type ComponentProperty = z.infer<typeof ComponentPropertySchema>;

/** Lowercase slug used for component, flow and boundary ids. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" and "_", starting with a letter or digit')
  .max(80)
  .describe('Stable identifier: lowercase letters, digits, "-" and "_"');

/** One component of the system under review. */
export const ComponentSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(200).describe('Human name of the component as the architecture calls it'),
    kind: ComponentKindSchema,
    description: z.string().max(2000).optional().describe('What the component does, in a sentence'),
    properties: z.array(ComponentPropertySchema).default([]).describe('Properties that make threats apply'),
    lines: z
      .array(z.number().int().positive())
      .default([])
      .describe('1-based lines of the source document that mention this component (for report locations)'),
  })
  .strict()
  .describe('A component: a process, store, model, tool or external actor');
export type Component = z.infer<typeof ComponentSchema>;

/** One data flow between two components. */
export const DataFlowSchema = z
  .object({
    id: IdSchema,
    from: IdSchema.describe('Id of the component the data comes from'),
    to: IdSchema.describe('Id of the component the data goes to'),
    label: z.string().max(300).optional().describe('What moves along the flow, e.g. "user prompt"'),
    crossesBoundary: z.boolean().default(false).describe('True when the flow crosses a trust boundary'),
  })
  .strict()
  .describe('A data flow from one component to another');
export type DataFlow = z.infer<typeof DataFlowSchema>;

/** A trust boundary grouping components that share a level of trust. */
export const TrustBoundarySchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(200).describe('Name of the trust zone, e.g. "Internet" or "Production VPC"'),
    components: z.array(IdSchema).default([]).describe('Ids of the components inside this boundary'),
  })
  .strict()
  .describe('A trust boundary: the components inside share one level of trust');
export type TrustBoundary = z.infer<typeof TrustBoundarySchema>;

/** Kinds of AI asset worth protecting. */
export const AiAssetKindSchema = z
  .enum([
    'model-weights', 'training-data', 'system-prompt', 'embeddings', 'prompts-and-outputs', 'feature-data',
    'evaluation-data', 'agent-memory', 'model-api-credentials',
  ])
  .describe('The kind of AI asset');

/** An AI asset: something an attacker would steal, poison or abuse. */
export const AiAssetSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(200).describe('Human name of the asset'),
    kind: AiAssetKindSchema,
    component: IdSchema.describe('Id of the component that holds or produces the asset'),
  })
  .strict()
  .describe('An AI asset held by a component');
export type AiAsset = z.infer<typeof AiAssetSchema>;

/** The system model: what threatstorm threat-models. */
export const SystemModelSchema = z
  .object({
    name: z.string().min(1).max(200).describe('Name of the system'),
    description: z.string().max(5000).optional().describe('What the system does'),
    components: z.array(ComponentSchema).describe('Every component of the system'),
    dataFlows: z.array(DataFlowSchema).default([]).describe('Data flows between components'),
    trustBoundaries: z.array(TrustBoundarySchema).default([]).describe('Trust boundaries'),
    aiAssets: z.array(AiAssetSchema).default([]).describe('AI assets worth protecting'),
    assumptions: z.array(z.string().max(1000)).default([]).describe('Assumptions stated or made about the system'),
  })
  .strict()
  .describe('A system model: components, data flows, trust boundaries and AI assets');
export type SystemModel = z.infer<typeof SystemModelSchema>;
