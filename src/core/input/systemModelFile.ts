import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError, formatZodIssues } from '../errors.js';
import { COMPONENT_KINDS, COMPONENT_PROPERTIES, SystemModelSchema, type SystemModel } from '../domain/system.js';
import { slugify, uniqueId } from './slug.js';
import { didYouMean, suggestion } from './suggest.js';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];
type Obj = Record<string, unknown>;

const KINDS = Object.keys(COMPONENT_KINDS);
const PROPERTIES = Object.keys(COMPONENT_PROPERTIES);
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  top: ['name', 'description', 'components', 'dataFlows', 'trustBoundaries', 'aiAssets', 'assumptions'],
  component: ['id', 'name', 'kind', 'description', 'properties', 'lines'],
  flow: ['id', 'from', 'to', 'label', 'crossesBoundary'],
  boundary: ['id', 'name', 'components'],
  asset: ['id', 'name', 'kind', 'component'],
};

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string => (v === null ? 'empty' : Array.isArray(v) ? 'a list' : `a ${typeof v}`);
const norm = (v: string): string => v.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** Where in the file a path is, when the file was parsed as YAML (JSON is YAML too). */
class Locator {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter,
  ) {}

  /** 1-based line of the value at `path` (or of the key itself when `key` is set). */
  line(path: Path, key = false): number | undefined {
    if (!this.doc) return undefined;
    try {
      if (key) {
        const parent = this.doc.getIn(path.slice(0, -1), true);
        if (!isMap(parent)) return undefined;
        const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[path.length - 1]);
        const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
        return range ? this.lines.linePos(range[0]).line : undefined;
      }
      const node = this.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? this.lines.linePos(node.range[0]).line : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Parses text to a plain value, throwing an InputError that names the line and column of a syntax error. */
function parseText(text: string, source: string, format: 'yaml' | 'json'): { value: unknown; locator: Locator } {
  const where = source === '-' ? 'standard input' : source;
  const lines = new LineCounter();
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      const pos = Number(/position (\d+)/.exec(msg)?.[1] ?? text.length);
      const before = text.slice(0, pos).split('\n');
      const line = before.length;
      const col = before[before.length - 1]!.length + 1;
      const what = msg.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
      throw new InputError(source, `${where} is not valid JSON: ${what} at line ${line}, column ${col}. Check the commas, quotes and brackets near there (JSON allows no trailing commas or comments; YAML does, if you prefer it).`);
    }
    const doc = parseDocument(text, { lineCounter: lines });
    return { value, locator: new Locator(doc.errors.length ? undefined : doc, lines) };
  }
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const what = err.message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '').replace(/:$/, '');
    const at = pos ? ` (line ${pos.line}, column ${pos.col})` : '';
    throw new InputError(source, `${where} is not valid YAML: ${what}${at}. Check the indentation (spaces, not tabs) and quote values that contain ": " or start with a special character.`);
  }
  let value: unknown;
  try {
    // Aliases are resolved here: an undefined anchor or an alias bomb fails now, not later.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const what = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 160);
    throw new InputError(source, `${where} is not valid YAML: ${what}. Define each &anchor before using its *alias, and avoid aliases that expand to huge documents.`);
  }
  return { value, locator: new Locator(doc, lines) };
}

/** Resolves component references by id or (case-insensitive) name. */
class Refs {
  private readonly map = new Map<string, string>();
  readonly ids: string[] = [];

  add(id: string, name: string): void {
    this.ids.push(id);
    for (const k of [id, id.toLowerCase(), name.toLowerCase(), slugify(name)]) if (!this.map.has(k)) this.map.set(k, id);
  }

  resolve(ref: unknown): string | undefined {
    if (typeof ref !== 'string') return undefined;
    return this.map.get(ref) ?? this.map.get(ref.trim().toLowerCase()) ?? this.map.get(slugify(ref));
  }

  unknown(ref: unknown): string {
    const known = this.ids.length > 12 ? `${this.ids.slice(0, 12).join(', ')}, …` : this.ids.join(', ');
    return `which is not a component; known: ${known || '(none)'}.${typeof ref === 'string' ? suggestion(ref, this.ids) : ''}`;
  }
}

/**
 * Reads a YAML or JSON system model in the friendly form (ids optional and derived from names,
 * flows and boundaries may name components by id or name, kinds and properties case-insensitive) and
 * validates it with SystemModelSchema. Errors name the file, the line and column for syntax errors,
 * the field path (and line) for schema errors, close spellings for unknown fields, kinds and
 * properties, and the known components for dangling references.
 */
export function parseSystemModelFile(text: string, source: string, format: 'yaml' | 'json', fallbackName: string): SystemModel {
  const where = source === '-' ? 'standard input' : source;
  const { value, locator } = parseText(text, source, format);
  if (!isObj(value)) {
    throw new InputError(source, `${where} must be a ${format === 'json' ? 'JSON object' : 'YAML mapping'} with "name" and "components" (a list of components with "name" and "kind"); it is ${describe(value)}.`);
  }
  const issues: Issue[] = [];
  /** Records a problem; the line goes after the first sentence, before long lists of allowed values. */
  const issue = (path: Path, message: string, key = false, detail = ''): void => {
    const line = locator.line(path, key);
    issues.push({ code: 'custom', path, message: `${message}${line ? ` (line ${line})` : ''}${detail}`, input: undefined });
  };
  const checkFields = (obj: Obj, allowed: readonly string[], path: Path): void => {
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) issue([...path, k], `unknown field.${suggestion(k, allowed)}`, true);
  };
  const list = (v: unknown, path: Path, what: string): unknown[] => {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    issue(path, `must be a list of ${what}, not ${describe(v)}`);
    return [];
  };
  checkFields(value, FIELDS.top!, []);
  const misspelt = Object.keys(value).some((k) => k !== 'components' && didYouMean(k, FIELDS.top!) === 'components');
  if (value.components === undefined && !misspelt) issue(['components'], 'required: list the components, each with "name" and "kind"');
  const refs = new Refs();
  const takenIds = new Set<string>();
  const components = list(value.components, ['components'], 'components').map((raw, i) => {
    const path: Path = ['components', i];
    if (!isObj(raw)) {
      issue(path, `must be a mapping with "name" and "kind", not ${describe(raw)}`);
      return raw;
    }
    checkFields(raw, FIELDS.component!, path);
    const name = typeof raw.name === 'string' ? raw.name : typeof raw.id === 'string' ? raw.id : undefined;
    if (name === undefined) issue(path, 'needs a "name" (or an "id")');
    const id = typeof raw.id === 'string' ? raw.id : slugify(name ?? `component-${i + 1}`);
    if (takenIds.has(id)) issue([...path, 'id'], `id "${id}" is used by another component; give one of them a different "id" or "name"`);
    takenIds.add(id);
    refs.add(id, name ?? id);
    let kind = raw.kind;
    if (typeof kind === 'string' && !KINDS.includes(kind)) {
      if (KINDS.includes(norm(kind))) kind = norm(kind);
      else issue([...path, 'kind'], `unknown kind "${kind}"`, false, `.${suggestion(kind, KINDS)} Allowed kinds: ${KINDS.join(', ')}.`);
    } else if (kind === undefined) issue(path, `needs a "kind"; one of ${KINDS.join(', ')}`);
    const props = typeof raw.properties === 'string' ? [raw.properties] : raw.properties;
    const properties = Array.isArray(props)
      ? props.map((p, j) => {
          if (typeof p !== 'string' || PROPERTIES.includes(p)) return p;
          if (PROPERTIES.includes(norm(p))) return norm(p);
          issue([...path, 'properties', j], `unknown property "${p}"`, false, `.${suggestion(p, PROPERTIES)} Allowed properties: ${PROPERTIES.join(', ')}.`);
          return p;
        })
      : props;
    return { ...raw, id, name: name ?? id, kind, ...(properties === undefined ? {} : { properties }) };
  });
  const ref = (v: unknown, path: Path, says: string): unknown => {
    const id = refs.resolve(v);
    if (id === undefined) issue(path, `${says} ${JSON.stringify(v)}, ${refs.unknown(v)}`);
    return id ?? v;
  };
  const flowIds = new Set<string>();
  const rawFlows = list(value.dataFlows, ['dataFlows'], 'data flows');
  for (const f of rawFlows) if (isObj(f) && typeof f.id === 'string') flowIds.add(f.id);
  let nextFlow = 1;
  const dataFlows = rawFlows.map((raw, i) => {
    const path: Path = ['dataFlows', i];
    if (!isObj(raw)) {
      issue(path, `must be a mapping with "from" and "to", not ${describe(raw)}`);
      return raw;
    }
    checkFields(raw, FIELDS.flow!, path);
    let id = raw.id;
    if (id === undefined) {
      while (flowIds.has(`f${nextFlow}`)) nextFlow++;
      id = `f${nextFlow}`;
      flowIds.add(id as string);
    }
    const n = i + 1;
    return { ...raw, id, from: ref(raw.from, [...path, 'from'], `data flow #${n} comes from`), to: ref(raw.to, [...path, 'to'], `data flow #${n} goes to`) };
  });
  const boundaryIds = new Set<string>();
  const trustBoundaries = list(value.trustBoundaries, ['trustBoundaries'], 'trust boundaries').map((raw, i) => {
    const path: Path = ['trustBoundaries', i];
    if (!isObj(raw)) {
      issue(path, `must be a mapping with "name" and "components", not ${describe(raw)}`);
      return raw;
    }
    checkFields(raw, FIELDS.boundary!, path);
    const name = typeof raw.name === 'string' ? raw.name : typeof raw.id === 'string' ? raw.id : `Boundary ${i + 1}`;
    const id = typeof raw.id === 'string' ? raw.id : uniqueId(slugify(name, 'boundary'), boundaryIds);
    const members = list(raw.components, [...path, 'components'], 'component ids or names').map((c, j) => ref(c, [...path, 'components', j], `trust boundary "${name}" lists`));
    return { ...raw, id, name, components: members };
  });
  const aiAssets = list(value.aiAssets, ['aiAssets'], 'AI assets').map((raw, i) => {
    const path: Path = ['aiAssets', i];
    if (!isObj(raw)) return raw;
    checkFields(raw, FIELDS.asset!, path);
    const component = ref(raw.component, [...path, 'component'], `AI asset #${i + 1} belongs to`);
    const id = typeof raw.id === 'string' ? raw.id : `${String(component)}-${String(raw.kind ?? 'asset')}`;
    return { ...raw, id, name: raw.name ?? id, component };
  });
  const assumptions = typeof value.assumptions === 'string' ? [value.assumptions] : value.assumptions;
  const candidate = {
    ...value,
    name: value.name ?? fallbackName,
    components,
    dataFlows,
    trustBoundaries,
    aiAssets,
    ...(assumptions === undefined ? {} : { assumptions }),
  };
  if (!issues.length) {
    const parsed = SystemModelSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    for (const i of parsed.error.issues) issue(i.path as Path, zodMessage(i));
  }
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  throw new InputError(source, `${where} is not a valid system model (${count}):\n${formatZodIssues(issues)}\nFix these fields; \`threatstorm schema\` lists every field, kind and property.`);
}

function zodMessage(i: Issue): string {
  if (i.code === 'invalid_value' && 'values' in i) return `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (i.code === 'unrecognized_keys') return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  if (i.code === 'invalid_type') return `must be ${i.expected === 'array' ? 'a list' : i.expected === 'object' ? 'a mapping' : `a ${i.expected}`}`;
  return i.message;
}

