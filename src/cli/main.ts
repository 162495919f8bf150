import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { PROJECT_ROOT } from '../core/kb/builtin.js';
import { registerCommands } from './commands/index.js';
import { CONFIG_FILES } from './configFiles.js';

/** threatstorm's version, from package.json. */
export const VERSION: string = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Builds the commander program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command('threatstorm')
    .description('Threat-model AI-driven products: adversarial misuse cases grounded in MITRE ATLAS and the OWASP LLM/ML Top 10.\nOffline by default; uses a local Ollama model or any OpenAI-compatible endpoint when available.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false, showGlobalOptions: false })
    .exitOverride();
  registerCommands(program);
  // The optional config file fills in what neither flags nor environment set (loaded only when present).
  program.hook('preAction', async (_program, actionCommand) => {
    if (!actionCommand.options.some((o) => o.long === '--config')) return;
    // cheap existence check first: the loader needs zod, which start-up otherwise never loads
    const explicit = (actionCommand.opts() as { config?: string }).config;
    if (!explicit && !CONFIG_FILES.some((f) => existsSync(join(process.cwd(), f)))) return;
    const { applyConfig } = await import('./config.js');
    try {
      applyConfig(actionCommand);
    } catch (err) {
      const { AppError } = await import('../core/errors.js');
      if (!(err instanceof AppError)) throw err;
      process.stderr.write(`threatstorm: error: ${err.message}\n`);
      process.exit(err.exitCode);
    }
  });
  program.addHelpText('after', `
Exit codes: 0 ok; 1 findings (scan, eval, validate, batch failures, diff); 2 usage or bad input; 3 provider failed.
Examples:
  threatstorm generate architecture.md              Markdown threat model on stdout
  threatstorm generate system.yaml --format json    JSON per the published schema
  threatstorm scan design.md                        injection self-check of an input
  threatstorm kb search "vector store poisoning"    search the knowledge base`);
  return program;
}

/** CLI entry: parses argv and runs the command; usage errors exit 2. */
export async function main(argv: string[]): Promise<void> {
  // `threatstorm generate x | head` closes the pipe early: that is a normal end, not a crash.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw err;
  });
  const program = buildProgram();
  // `threatstorm` alone opens the chat; anything else is parsed as given, so a mistyped command is
  // a usage error rather than a file name handed to the chat.
  const args = argv.length <= 2 ? [...argv, 'chat'] : argv;
  try {
    await program.parseAsync(args);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version "errors" are normal exits
      process.exitCode = err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
      return;
    }
    throw err;
  }
}
