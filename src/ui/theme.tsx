import { createContext, useContext, type ReactNode } from 'react';
import type { Severity, Verdict } from '../core/domain/index.js';

/**
 * Colours of the chat. Ink's chalk does not read NO_COLOR (only FORCE_COLOR and the TTY), so the
 * chat decides here: with colour off every colour is `undefined` and Ink writes no colour codes.
 * Bold and dim stay (they are emphasis, not colour).
 */
export interface Theme {
  readonly colors: boolean;
  readonly severity: (level: Severity) => string | undefined;
  readonly verdict: (v: Verdict) => string | undefined;
  readonly accent: string | undefined;
  readonly user: string | undefined;
  readonly success: string | undefined;
  readonly warning: string | undefined;
  readonly error: string | undefined;
  readonly muted: string | undefined;
}

const SEVERITY: Record<Severity, string> = { critical: 'red', high: 'redBright', medium: 'yellow', low: 'green' };
const VERDICT: Record<Verdict, string> = { clean: 'green', suspicious: 'yellow', injection: 'red' };

/** True unless NO_COLOR is set (to anything but "") or FORCE_COLOR is 0. */
export function colorsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.FORCE_COLOR !== '0';
}

/** The theme with colours on or off. */
export function makeTheme(colors: boolean): Theme {
  const c = (name: string) => (colors ? name : undefined);
  return {
    colors,
    severity: (level) => c(SEVERITY[level]),
    verdict: (v) => c(VERDICT[v]),
    accent: c('cyan'),
    user: c('blueBright'),
    success: c('green'),
    warning: c('yellow'),
    error: c('red'),
    muted: c('gray'),
  };
}

const ThemeContext = createContext<Theme>(makeTheme(colorsEnabled()));

/** Provides the theme to the components below. */
export function ThemeProvider({ theme, children }: { readonly theme: Theme; readonly children: ReactNode }) {
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

/** The current theme. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
