import { cpSync, mkdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** One instruction of a Dockerfile stage the image-build test can carry out or check. */
export type Step =
  | { kind: 'COPY'; from?: string; sources: string[]; dest: string; line: number }
  | { kind: 'RUN'; command: string; line: number }
  | { kind: 'ENV'; vars: Record<string, string>; line: number }
  | { kind: 'WORKDIR'; path: string; line: number }
  | { kind: 'USER'; user: string; line: number }
  | { kind: 'CMD'; argv: string[]; line: number }
  | { kind: 'OTHER'; instruction: string; line: number };

export interface Stage {
  readonly name: string;
  readonly base: string;
  readonly steps: Step[];
}

/**
 * Reads a Dockerfile into its stages and their instructions (line continuations joined, comments and
 * parser directives dropped, ARG defaults substituted into FROM). Only the forms this project uses
 * are understood; anything else fails loudly rather than being skipped.
 */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const args: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.trimEnd().endsWith('\\') && i + 1 < lines.length)
      line = line.trimEnd().slice(0, -1) + ' ' + lines[++i].trim();
    const [, instruction, rest] = /^\s*(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!instruction) throw new Error(`Dockerfile line ${start}: cannot read "${line}"`);
    const op = instruction.toUpperCase();
    if (op === 'ARG') {
      const [name, value = ''] = rest.trim().split('=');
      args[name] = value;
      continue;
    }
    if (op === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest.trim()) ?? [];
      stages.push({
        name: name ?? String(stages.length),
        base: image.replace(/\$\{(\w+)\}/g, (_, v: string) => args[v] ?? ''),
        steps: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile line ${start}: ${op} before FROM`);
    stage.steps.push(step(op, rest.trim(), start));
  }
  return stages;
}

function step(op: string, rest: string, line: number): Step {
  switch (op) {
    case 'COPY': {
      const words = rest.split(/\s+/);
      const flags = words.filter((w) => w.startsWith('--'));
      const paths = words.filter((w) => !w.startsWith('--'));
      if (paths.length < 2) throw new Error(`Dockerfile line ${line}: COPY needs a source and a destination`);
      const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
      return { kind: 'COPY', from, sources: paths.slice(0, -1), dest: paths.at(-1)!, line };
    }
    case 'RUN':
      if (rest.startsWith('['))
        throw new Error(`Dockerfile line ${line}: RUN in exec form is not supported by the test`);
      return { kind: 'RUN', command: rest, line };
    case 'ENV': {
      const vars: Record<string, string> = {};
      for (const pair of rest.match(/\w+=("[^"]*"|\S+)/g) ?? []) {
        const at = pair.indexOf('=');
        vars[pair.slice(0, at)] = pair.slice(at + 1).replace(/^"|"$/g, '');
      }
      return { kind: 'ENV', vars, line };
    }
    case 'WORKDIR':
      return { kind: 'WORKDIR', path: rest, line };
    case 'USER':
      return { kind: 'USER', user: rest, line };
    case 'CMD':
      return { kind: 'CMD', argv: JSON.parse(rest) as string[], line };
    default:
      return { kind: 'OTHER', instruction: `${op} ${rest}`, line };
  }
}

/** Names in .dockerignore (plain names, as this project writes them) that a COPY leaves out. */
export function dockerignoreNames(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
}

/**
 * Carries out one COPY as Docker does for the forms used here: a folder's contents go into the
 * destination folder; files go into a destination ending in '/' (or '.') under their own names, else
 * to the destination path. `workdir` is the stage's WORKDIR, mapped to `target`; `context` is where
 * the sources are read (the build context, or the folder of the stage named by --from).
 */
export function copyInto(
  step: Extract<Step, { kind: 'COPY' }>,
  context: string,
  contextWorkdir: string | undefined,
  target: string,
  workdir: string,
  ignored: Set<string>,
): void {
  const inTarget = (path: string) => join(target, path.startsWith('/') ? relativeTo(path, workdir, step.line) : path);
  for (const source of step.sources) {
    const from =
      contextWorkdir === undefined
        ? join(context, source)
        : join(context, relativeTo(source, contextWorkdir, step.line));
    const stat = statSync(from, { throwIfNoEntry: false });
    if (!stat) throw new Error(`Dockerfile line ${step.line}: COPY source ${source} does not exist`);
    const intoFolder = step.dest.endsWith('/') || step.dest === '.' || step.sources.length > 1;
    const to = stat.isDirectory()
      ? inTarget(step.dest)
      : intoFolder
        ? join(inTarget(step.dest), basename(source))
        : inTarget(step.dest);
    mkdirSync(stat.isDirectory() ? to : join(to, '..'), { recursive: true });
    cpSync(from, to, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (path) =>
        !(
          contextWorkdir === undefined &&
          relative(context, path)
            .split('/')
            .some((part) => ignored.has(part))
        ),
    });
  }
}

function relativeTo(path: string, workdir: string, line: number): string {
  if (!path.startsWith(`${workdir}/`) && path !== workdir)
    throw new Error(`Dockerfile line ${line}: ${path} is outside the stage's WORKDIR ${workdir}`);
  return path.slice(workdir.length + 1);
}
