/**
 * Makes every literal space in a regex source match any run of whitespace, so patterns written as
 * "vector database" still match text where Markdown markup was blanked out ("vector   database") or a
 * line was wrapped. Spaces inside character classes become `\s`; " ?" and " *" become `\s*`.
 */
export function spaced(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    if (c !== ' ' || inClass) {
      out += c === ' ' ? '\\s' : c;
      continue;
    }
    // " ?" and " *" mean optional whitespace, " +" one or more: keep that meaning.
    const q = source[i + 1];
    if (q === '?' || q === '*') {
      out += '\\s*';
      i++;
    } else if (q === '+') {
      out += '\\s+';
      i++;
    } else out += '\\s+';
  }
  return out;
}
