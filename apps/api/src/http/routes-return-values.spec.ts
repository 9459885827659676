import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');

function controllers(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return controllers(path);
    return entry.name.endsWith('.controller.ts') ? [path] : [];
  });
}

/**
 * The routes return values; ReplyHeadersInterceptor writes what they ask of the reply (ETag,
 * X-Ruamjai-Position, Location, cookies, a status, a download, a redirect). The one exception is
 * the live stream, which writes server-sent events to the socket as the views move.
 */
describe('routes', () => {
  const files = controllers(SRC);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('take no @Res', () => {
    const withRes = files
      .filter((file) => /@Res\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(withRes).toEqual([]);
  });

  it('never set a header on the reply by hand', () => {
    const byHand = files
      .filter((file) => /\breply\.header\(|\bresponse\.header\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(byHand).toEqual([]);
  });

  it('of signed-in users declare their tag, token and command headers in one decorator (ApiController, UpdateController)', () => {
    const byHand = files
      .filter((file) => /^@ApiBearerAuth\(/m.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(byHand).toEqual([]);
  });
});
