import { Option, type Command } from 'commander';
import { runAction } from '../io.js';
import { addModelOptions, positiveInt } from '../options.js';

/** Output formats of `generate` (kept in sync with src/core/export FORMATS by a test). */
export const OUTPUT_FORMATS = ['markdown', 'json', 'csv', 'sarif', 'threat-composer', 'promptfoo', 'system-card'] as const;

/**
 * Registers every command. Implementations are imported lazily inside each action so that
 * start-up only loads what the chosen command needs (LangChain and Ink stay unloaded offline).
 */
export function registerCommands(program: Command): void {
  addModelOptions(
    program
      .command('chat')
      .description('interactive threat-modelling chat in the terminal (the default command)')
      .argument('[file]', 'architecture file to load first'),
  )
    .option('--resume [id]', 'resume a saved session (the latest when no id is given)')
    .action((file: string | undefined, opts) =>
      runAction(async () => {
        const [{ chatCommand }, { chooseProvider }] = await Promise.all([import('./chat.js'), import('../providers.js')]);
        const makePort = async (provider: string, model?: string) => {
          const choice = await chooseProvider({ provider: provider as 'auto', model, fallback: provider === 'auto' });
          return choice.kind === 'offline' ? undefined : choice.port;
        };
        return chatCommand(file, { ...opts, deps: { makePort } });
      }),
    );

  addModelOptions(
    program
      .command('generate')
      .description('threat model of one architecture (Markdown, YAML, JSON or Mermaid), to stdout or --out')
      .argument('[file]', 'architecture file, or - for standard input', '-'),
  )
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('markdown'))
    .option('-o, --out <file>', 'write to this file (atomically) instead of stdout')
    .option('--max-cases <n>', 'keep the N highest-risk cases', positiveInt('--max-cases'))
    .addOption(new Option('--input-format <format>', 'how to read the input (default: by extension and content)').choices(['auto', 'markdown', 'yaml', 'json']).default('auto'))
    .option('--no-fallback', 'fail (exit 3) instead of falling back to the offline engine when the model fails')
    .option('--concurrency <n>', 'model calls in flight at once', positiveInt('--concurrency'))
    .addOption(new Option('--model-extract <when>', 'ask the model to extract components from prose: auto (when the offline extraction looks weak), always, never').choices(['auto', 'always', 'never']).default('auto'))
    .option('--timings', 'add wall time per stage to the run block')
    .action((file: string, opts) => runAction(async () => (await import('./generate.js')).generateCommand(file, opts)));

  addModelOptions(
    program
      .command('batch')
      .description('threat models for many architectures (files, folders, globs) into --out DIR; resumable')
      .argument('<inputs...>', 'files, folders (recursive) or glob patterns'),
  )
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('-f, --format <format>', `output format, repeatable (${OUTPUT_FORMATS.join(', ')})`, (v: string, p: string[] | undefined) => [...(p ?? []), v])
    .option('--ignore <glob>', 'skip inputs matching this glob (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--concurrency <n>', 'inputs in flight at once (default: CPU count offline, provider parallelism with a model)', positiveInt('--concurrency'))
    .option('--max-cases <n>', 'keep the N highest-risk cases per input', positiveInt('--max-cases'))
    .option('--force', 'redo inputs already done with the same content and settings')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a case at or above this risk level has no accepted mitigation').choices(['low', 'medium', 'high', 'critical']))
    .option('--accept <file>', 'accepted-risk file (default: threatstorm.accept.yaml next to the inputs or in the current folder)')
    .option('--ollama-host <url>', 'Ollama endpoint, repeatable: several endpoints share the work', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--no-fallback', 'count an input as failed instead of falling back to the offline engine when the model fails')
    .option('--json', 'print the run summary as JSON on stdout')
    .action((inputs: string[], opts) => runAction(async () => (await import('./batch.js')).batchCommand(inputs, opts)));

  const kb = program.command('kb').description('the knowledge base of AI threat patterns');
  kb.command('list')
    .description('list patterns (id, class, STRIDE, ATLAS)')
    .option('--kb <dir>', 'extra knowledge folder (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--json', 'JSON output')
    .action((opts) => runAction(async () => (await import('./kb.js')).kbList(opts)));
  kb.command('show')
    .description('show one pattern in full')
    .argument('<id>', 'pattern id')
    .option('--kb <dir>', 'extra knowledge folder (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--json', 'JSON output')
    .action((id: string, opts) => runAction(async () => (await import('./kb.js')).kbShow(id, opts)));
  kb.command('search')
    .description('BM25 search over the knowledge base')
    .argument('<query...>', 'search words')
    .option('--kb <dir>', 'extra knowledge folder (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('-n, --limit <n>', 'number of hits', positiveInt('--limit'), 10)
    .option('--json', 'JSON output')
    .action((query: string[], opts) => runAction(async () => (await import('./kb.js')).kbSearch(query.join(' '), opts)));
  kb.command('validate')
    .description('check a knowledge folder: every bad file with its path and the field at fault')
    .argument('[dir]', 'folder of pattern files (default: the built-in knowledge base)')
    .option('--json', 'JSON output')
    .action((dir: string | undefined, opts) => runAction(async () => (await import('./kb.js')).kbValidate(dir, opts)));

  program
    .command('scan')
    .description('injection self-check of one input (exit 0 clean, 1 suspicious or injection, 2 bad input)')
    .argument('[file]', 'file to scan, or - for standard input')
    .option('--json', 'JSON output: { verdict, score, findings }')
    .option('--jsonl <file>', 'scan many texts: lines {"id","text"} in, lines {"id","verdict","score"} out')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .action((file: string | undefined, opts) => runAction(async () => (await import('./scan.js')).scanCommand(file, opts)));

  addModelOptions(program
    .command('eval')
    .description('built-in quality evals: coverage of expected threats, injection-guard recall and false positives'))
    .addOption(new Option('--suite <name>', 'run one suite').choices(['coverage', 'injection']))
    .option('--repeat <n>', 'runs per architecture, for run-to-run stability', positiveInt('--repeat'), 1)
    .option('--json', 'JSON output')
    .action((opts) => runAction(async () => (await import('./eval.js')).evalCommand(opts)));

  addModelOptions(program.command('doctor').description('check Node, the knowledge base, the Ollama/OpenAI endpoint, the model and structured output'))
    .option('--json', 'JSON output')
    .action((opts) => runAction(async () => (await import('./doctor.js')).doctorCommand(opts)));

  program
    .command('diff')
    .description('cases added, removed and changed between two JSON threat models (exit 1 when new high-risk cases appear)')
    .argument('<old>', 'older threat model (generate --format json)')
    .argument('<new>', 'newer threat model')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .action((oldFile: string, newFile: string, opts) => runAction(async () => (await import('./diff.js')).diffCommand(oldFile, newFile, opts)));

  program
    .command('schema')
    .description('print a published JSON Schema')
    .addOption(new Option('--name <name>', 'which schema').choices(['threat-model', 'system-model', 'threat-pattern']).default('threat-model'))
    .action((opts) => runAction(async () => (await import('./schema.js')).schemaCommand(opts)));
}
