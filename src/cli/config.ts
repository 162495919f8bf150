import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError, EXIT, formatZodIssues } from '../core/errors.js';

import { CONFIG_FILES } from './configFiles.js';

export { CONFIG_FILES } from './configFiles.js';

/** The optional config file: defaults below flags and environment variables. */
export const ConfigSchema = z
  .object({
    provider: z.enum(['auto', 'offline', 'ollama', 'openai']).optional().describe('Default --provider'),
    model: z.string().min(1).optional().describe('Default --model (below THREATSTORM_MODEL)'),
    ollamaHost: z.string().min(1).optional().describe('Default Ollama endpoint (below OLLAMA_HOST)'),
    openaiBaseUrl: z.string().url().optional().describe('Default OpenAI-compatible endpoint (below OPENAI_BASE_URL)'),
    kb: z.array(z.string().min(1)).optional().describe('Extra knowledge folders, relative to the config file'),
    concurrency: z.number().int().positive().optional().describe('Default --concurrency'),
  })
  .strict();
export type Config = z.infer<typeof ConfigSchema>;

/** Finds and reads the config file; undefined when there is none. Bad files are usage errors. */
export function loadConfig(explicit: string | undefined, cwd = process.cwd()): { file: string; config: Config } | undefined {
  const file = explicit ? resolve(cwd, explicit) : CONFIG_FILES.map((f) => join(cwd, f)).find((f) => existsSync(f));
  if (!file) return undefined;
  if (!existsSync(file)) throw new AppError(`config file ${explicit} does not exist.`, EXIT.usage);
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new AppError(`config file ${file} cannot be parsed: ${(err as Error).message.split('\n')[0]}`, EXIT.usage);
  }
  const parsed = ConfigSchema.safeParse(data ?? {});
  if (!parsed.success) throw new AppError(`Invalid configuration in ${file}:\n${formatZodIssues(parsed.error.issues)}`, EXIT.usage);
  const config = parsed.data;
  if (config.kb) config.kb = config.kb.map((d) => resolve(file, '..', d));
  return { file, config };
}

function parseYaml(text: string): unknown {
  // yaml is loaded only when a YAML config file exists
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
}

/**
 * Applies the config file to a command about to run: a value counts only where neither a flag
 * nor the environment set it (flags beat environment beats config).
 */
export function applyConfig(cmd: Command, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const opts = cmd.opts() as { config?: string };
  const found = loadConfig(opts.config);
  if (!found) return undefined;
  const { config } = found;
  const fromDefault = (key: string) => {
    const src = cmd.getOptionValueSource(key);
    return src === undefined || src === 'default';
  };
  const has = (key: string) => cmd.options.some((o) => o.attributeName() === key);
  if (config.provider && has('provider') && fromDefault('provider')) cmd.setOptionValueWithSource('provider', config.provider, 'config');
  if (config.model && has('model') && fromDefault('model') && !env.THREATSTORM_MODEL) cmd.setOptionValueWithSource('model', config.model, 'config');
  if (config.concurrency && has('concurrency') && fromDefault('concurrency')) cmd.setOptionValueWithSource('concurrency', config.concurrency, 'config');
  if (config.kb?.length && has('kb')) cmd.setOptionValueWithSource('kb', [...config.kb, ...((cmd.getOptionValue('kb') as string[] | undefined) ?? [])], 'config');
  if (config.ollamaHost && !env.OLLAMA_HOST) env.OLLAMA_HOST = config.ollamaHost;
  if (config.openaiBaseUrl && !env.OPENAI_BASE_URL) env.OPENAI_BASE_URL = config.openaiBaseUrl;
  return found.file;
}
