import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(path) ? [path] : [];
  });
}

const all = [...sources(join(root, 'apps')), ...sources(join(root, 'libs'))].map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

describe('architecture', () => {
  it('reads process.env only in libs/config', () => {
    const offenders = all.filter((f) => /process\.env\b/.test(f.text) && !f.path.startsWith('libs/config/'));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('keeps time out of the domain: no Date.now() or new Date() in domain/', () => {
    const offenders = all.filter((f) => f.path.includes('/domain/') && /Date\.now\(\)|new Date\(\)/.test(f.text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('has domain folders to check', () => {
    expect(all.filter((f) => f.path.includes('/domain/')).length).toBeGreaterThan(3);
  });
});
