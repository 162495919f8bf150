import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Builds dist/ once before the suite, so CLI tests always run the current code. */
export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  if (process.env.THREATSTORM_SKIP_BUILD) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
