import { execFileSync, spawnSync } from 'node:child_process';

const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).status === 0;

/**
 * Poppler's pdftotext and pdftoppm (Debian's poppler-utils), installed with apt-get when missing.
 * A test that needs them fails when they cannot be had: it never passes without reading the PDF.
 */
export function ensurePoppler(): void {
  if (has('pdftotext') && has('pdftoppm')) return;
  try {
    execFileSync('apt-get', ['install', '-y', '-q', 'poppler-utils'], { stdio: 'ignore', timeout: 300_000 });
  } catch {
    execFileSync('apt-get', ['update', '-q'], { stdio: 'ignore', timeout: 300_000 });
    execFileSync('apt-get', ['install', '-y', '-q', 'poppler-utils'], { stdio: 'ignore', timeout: 300_000 });
  }
  if (!has('pdftotext') || !has('pdftoppm'))
    throw new Error('poppler-utils (pdftotext, pdftoppm) could not be installed: apt-get install -y poppler-utils');
}

/** The text of a PDF as poppler extracts it. */
export const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

/** Renders one page to PNG (`prefix`-N.png) for a person to look at. */
export const renderPage = (file: string, prefix: string, page = 1): void => {
  execFileSync('pdftoppm', ['-png', '-r', '90', '-f', String(page), '-l', String(page), file, prefix]);
};
