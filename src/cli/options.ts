import { InvalidArgumentError, Option, type Command } from 'commander';

/** Options shared by commands that produce a threat model. */
export interface CommonOptions {
  provider: 'auto' | 'offline' | 'ollama' | 'openai';
  model?: string;
  kb: string[];
  quiet?: boolean;
  json?: boolean;
}

const collect = (value: string, prev: string[]) => [...prev, value];

/** Adds --provider, --model, --kb and --quiet. */
export function addModelOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--provider <name>', 'where cases come from: auto picks Ollama when reachable, else offline')
        .choices(['auto', 'offline', 'ollama', 'openai'])
        .default('auto'),
    )
    .option('--model <name>', 'model name (env THREATSTORM_MODEL)')
    .option('--kb <dir>', 'extra knowledge folder, added to the built-in one (repeatable)', collect, [] as string[])
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .option('--config <file>', 'config file (default: threatstorm.config.yaml|yml|json in the working folder, if present)');
}

/** Parses a positive integer option or throws a usage error message. */
export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} takes a whole number, got "${value}"`);
    return n;
  };
}
