import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { runAuditCommand } from '../../apps/api/src/cli/audit-command';
import { KEYS, bearer } from './api-keys';

export const asAuditor = (http: App, path: string) =>
  request(http).get(path).set('Authorization', bearer(KEYS.auditor));

/** The whole log, fetched page by page from GET /audit/log as an auditor would, concatenated. */
export async function exportLog(http: App, pageSize = 7): Promise<string> {
  let after: string | undefined;
  let exported = '';
  for (;;) {
    const page = await asAuditor(http, `/audit/log?limit=${pageSize}${after ? `&after=${after}` : ''}`)
      .buffer(true)
      .parse((response, callback) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => callback(null, text));
      })
      .expect(200);
    const text = page.body as string;
    const lines = text.split('\n').filter(Boolean);
    exported += text;
    if (lines.length < pageSize) return exported;
    after = (JSON.parse(lines[lines.length - 1]!) as { position: string }).position;
  }
}

/** Runs the offline CLI in-process, as `npm run audit -- ...` would, with its files in `directory`. */
export async function offlineAudit(directory: string, files: Record<string, string>, args: string[]) {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
  const output: string[] = [];
  const code = await runAuditCommand(
    args.map((arg) => (arg in files ? join(directory, arg) : arg)),
    (line) => output.push(line),
  );
  return { code, output: output.join('\n') };
}
