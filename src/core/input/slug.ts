/** Longest slug produced, leaving room for suffixes such as `-2` or `-api-credentials` (ids max out at 80). */
export const MAX_SLUG_LENGTH = 48;

/**
 * Turns a human name into an id slug: lowercase ASCII letters, digits, "-" and "_", starting with a
 * letter or digit. Accents are folded ("Médical" → "medical"), other characters become "-".
 * Returns `fallback` when nothing usable is left.
 */
export function slugify(name: string, fallback = 'component'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug || fallback;
  // Cut at a word boundary when one is near, so ids stay readable.
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const at = cut.lastIndexOf('-');
  return (at >= MAX_SLUG_LENGTH / 2 ? cut.slice(0, at) : cut).replace(/[-_]+$/g, '');
}

/**
 * Returns `base` if it is not in `taken`, else `base-2`, `base-3`, …; adds the result to `taken`.
 */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
