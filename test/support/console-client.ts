import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startApi } from './api-harness';

export const CONSOLE_SCHEMA = join(__dirname, '../../apps/console/src/api/schema.d.ts');
const run = promisify(execFile);

/**
 * The console's typed client, generated from the running API's OpenAPI document with
 * openapi-typescript: the test compares it with the checked-in file, `npm run console:client` writes it.
 */
export async function generateConsoleSchema(): Promise<string> {
  const api = await startApi({}, { agencies: false });
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-openapi-'));
  try {
    const document = await api.http.get('/api/docs-json');
    if (document.status !== 200) throw new Error(`/api/docs-json answered ${document.status}`);
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'schema.d.ts');
    writeFileSync(input, JSON.stringify(document.body, null, 2));
    await run(
      process.execPath,
      [join(__dirname, '../../node_modules/openapi-typescript/bin/cli.js'), input, '--output', output],
      { cwd: join(__dirname, '../..') },
    );
    const banner =
      "/* Generated from the API's OpenAPI document by openapi-typescript: `npm run console:client`. Do not edit. */\n";
    return banner + readFileSync(output, 'utf8');
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  generateConsoleSchema().then(
    (schema) => {
      writeFileSync(CONSOLE_SCHEMA, schema);
      process.stdout.write(`wrote ${CONSOLE_SCHEMA}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
