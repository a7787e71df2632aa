// Jest's global setup: some end-to-end tests start the built service in its own process (crash safety, replicas).
// Building here, once and before any worker starts, keeps two workers from running `nest build` at the same time
// on a fresh or stale checkout. It is a quick check when the build is current.
import { execFileSync } from 'node:child_process';

export default function buildOnce() {
  execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
