// `npm start` and the command-line scripts run this first: it builds the api when the build is missing or older
// than any source file, so that a fresh clone starts with one command and a rebuilt tree starts at once. It prints
// to stderr only, so that a command's stdout (JSON for scripts) stays clean.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const entry = 'dist/apps/api/apps/api/src/main.js';
const sources = ['apps', 'libs', 'bench', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];

function newestChange(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
const changed = Math.max(...sources.filter((path) => existsSync(path)).map(newestChange));
if (changed > built) {
  console.error(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  execFileSync(process.execPath, ['node_modules/@nestjs/cli/bin/nest.js', 'build', 'api'], {
    stdio: ['ignore', process.stderr, 'inherit'],
  });
}
