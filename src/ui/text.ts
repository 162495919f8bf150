import { sanitizeText, singleLine, truncate } from '../core/export/escape.js';
import type { MisuseCase, Stride } from '../core/domain/index.js';

/**
 * Text helpers for rendering. Everything from a file or a model passes through {@link clean}
 * before it reaches the terminal: escape sequences (CSI, OSC, DCS), C0/C1 controls except newline
 * and tab, bidi overrides and tag characters are removed.
 */

/** Untrusted text made safe for the terminal (newlines and tabs kept). */
export function clean(text: string): string {
  return sanitizeText(text);
}

/** Untrusted text on one line, at most `max` characters. */
export function oneLine(text: string, max = 200): string {
  return truncate(singleLine(text), max);
}

const STRIDE_LETTER: Record<Stride, string> = {
  Spoofing: 'S', Tampering: 'T', Repudiation: 'R', 'Information Disclosure': 'I', 'Denial of Service': 'D', 'Elevation of Privilege': 'E',
};

/** STRIDE categories as letters in STRIDE order, e.g. "TIE". */
export function strideLetters(stride: readonly Stride[]): string {
  return (['Spoofing', 'Tampering', 'Repudiation', 'Information Disclosure', 'Denial of Service', 'Elevation of Privilege'] as const)
    .filter((s) => stride.includes(s))
    .map((s) => STRIDE_LETTER[s])
    .join('');
}

/** ATLAS and OWASP ids of a case, space-separated. */
export function taxonomyIds(c: MisuseCase): string {
  return [...c.references.atlas, ...c.references.owaspLlm, ...c.references.owaspMl].join(' ');
}

/** A compact token count: 950, 12.3k, 1.2M. */
export function formatTokens(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
