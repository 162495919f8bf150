import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError, EXIT } from '../../core/errors.js';
import { PROJECT_ROOT, loadKnowledgeBase } from '../../core/kb/knowledgeBase.js';
import { buildOfflineThreatModel } from '../../core/pipeline/offlineModel.js';
import { runCoverageSuite } from '../../evals/coverage.js';
import { finalModel } from '../../core/pipeline/events.js';
import { chooseProvider } from '../providers.js';
import { renderSuite } from '../../evals/render.js';
import type { SuiteResult } from '../../evals/types.js';
import { VERSION } from '../main.js';
import { emit, info, setQuiet } from '../io.js';

/** Names of the built-in suites. */
export const SUITES = ['coverage', 'injection'] as const;

/** Options of `threatstorm eval`. */
export interface EvalOptions {
  suite?: (typeof SUITES)[number];
  provider: 'auto' | 'offline' | 'ollama' | 'openai';
  model?: string;
  json?: boolean;
  quiet?: boolean;
  repeat?: number;
  kb: string[];
}

/** `threatstorm eval [--suite NAME]`: exit 1 when a suite falls below its threshold. */
export async function evalCommand(opts: EvalOptions): Promise<number> {
  setQuiet(!!opts.quiet);
  const root = PROJECT_ROOT;
  if (!existsSync(resolve(root, 'evals'))) throw new AppError(`no evals folder at ${root}/evals; run eval from a threatstorm checkout.`, EXIT.usage);
  const suites = opts.suite ? [opts.suite] : [...SUITES];
  const results: SuiteResult[] = [];
  for (const name of suites) {
    info(`running suite ${name}…`);
    if (name === 'coverage') {
      const kb = loadKnowledgeBase(opts.kb);
      // The suite runs offline unless a provider is asked for explicitly (auto would make CI results
      // depend on whether a model happens to be running).
      const choice = opts.provider === 'auto' || opts.provider === 'offline' ? undefined : await chooseProvider({ provider: opts.provider, model: opts.model, fallback: false });
      const port = choice && choice.kind !== 'offline' ? choice.port : undefined;
      if (port) info(`coverage with ${port.provider} model ${port.model}${opts.repeat && opts.repeat > 1 ? `, ${opts.repeat} runs per architecture` : ''}`);
      const { runModelPipeline } = port ? await import('../../core/pipeline/modelPipeline.js') : { runModelPipeline: undefined };
      results.push(
        await runCoverageSuite({
          root,
          repeat: opts.repeat,
          label: port ? `${port.provider}:${port.model}` : 'offline',
          generate: async (doc, parsed) =>
            port && runModelPipeline
              ? finalModel(runModelPipeline(doc, parsed, { kb, toolVersion: VERSION, port }))
              : buildOfflineThreatModel(parsed.system, { kb, toolVersion: VERSION, input: { source: doc.source, format: parsed.format, sha256: doc.sha256 } }),
        }),
      );
    } else {
      const { runInjectionSuite } = await import('../../evals/injection.js');
      results.push(await runInjectionSuite({ root, sharedDir: resolve(root, '..', 'shared') }));
    }
  }
  if (opts.json) emit(JSON.stringify(opts.suite ? results[0] : results, null, 2));
  else emit(results.map(renderSuite).join('\n\n'));
  return results.every((r) => r.passed) ? EXIT.ok : EXIT.findings;
}
