/** Input: reading architecture documents and turning them into a derived system model. */
export { parseArchitecture, detectFormat, isBareMermaid, sourceStem, type InputFormat, type ParsedArchitecture } from './parseArchitecture.js';
export { deriveSystem } from './derive.js';
export { parseMermaid, type MermaidGraph, type MermaidNode, type MermaidEdge, type MermaidSubgraph } from './mermaid.js';
export { inferKind } from './lexicon.js';
export { readInput, decodeInput, MAX_INPUT_BYTES, type InputDoc } from './readInput.js';
