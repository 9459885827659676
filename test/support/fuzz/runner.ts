import { collect, type EventStore } from '@ruamjai/event-store';
import { randomUUID } from 'node:crypto';
import { serialise, shellWord, type FuzzCase, type RawFlavour, type RealIds, type Role } from './inputs';
import { sendHttp, sendRaw, type OutgoingRequest, type RawResponse } from './raw-http';

/** A generated case made concrete: the bytes that went out. */
export interface Prepared extends OutgoingRequest {
  readonly correlationId: string;
  /** The seeded stream the request aims at, when its first path parameter is a real id. */
  readonly root?: string;
  readonly bodySketch: string;
  /** A bash word that expands to the body, for repros. */
  readonly bodyShell: string;
  /** Set when the request must be written on a socket by hand. */
  readonly rawBytes?: Buffer;
  /** A JavaScript expression for rawBytes, for the report. */
  readonly rawExpression?: string;
}

export interface RunContext {
  readonly port: number;
  readonly ids: RealIds;
  readonly etags: Map<string, string>;
  readonly authorization: (role: Role, index: number) => string | undefined;
  /** Whether the Authorization header is a well-signed token for an agency that is not registered. */
  readonly unregisteredAgency: (authorization: string | undefined) => boolean;
  readonly store: EventStore;
  readonly timeoutMs: number;
  /** What the API logged as the cause of a 5xx, by correlation id. */
  readonly serverErrors: ReadonlyMap<string, string>;
}

export type Check =
  | '5xx'
  | 'not-problem-json'
  | 'no-security-headers'
  | 'event-stored-by-rejected-request'
  | 'unknown-field-accepted'
  | 'accepted-without-valid-token'
  | 'unregistered-agency-accepted'
  | 'no-answer';

/** What answers without a token: health, metrics, the API docs, and what the sign-in page offers. */
const PUBLIC = /^\/(health|metrics|api\/docs|api\/v1\/auth\/methods)(\/|\?|$|-json)/;

/**
 * Refusals the log records on purpose: a failed sign-in and the lockout it may cause are audited
 * events (issue 10), stored even though the answer is 401 or 429. Nothing else may be.
 */
const AUDITED_REFUSALS: ReadonlyArray<{ path: string; types: ReadonlySet<string> }> = [
  { path: '/api/v1/auth/sign-in', types: new Set(['UserSignInFailed', 'UserLockedOut']) },
];

export interface Failure {
  readonly check: Check;
  /** Status and code (or the transport error): the grouping key with the check. */
  readonly outcome: string;
  readonly fuzz: FuzzCase;
  readonly prepared: Prepared;
  readonly detail: string;
}

export interface Result {
  readonly status: number | undefined;
  readonly code?: string;
  readonly failures: Failure[];
}

const idempotencyPool = [randomUUID(), randomUUID(), randomUUID()];

/** Routes that end what they touch: they aim at the spare resources, so the main ones stay usable. */
const ENDS_THINGS = /\/(withdrawal|erasure|closure|decline|revocation|completion|rejection|deactivation)$/;

function realValue(name: string, fuzz: FuzzCase, ids: RealIds): string {
  const plan = ids.plans[fuzz.plan];
  const spare = ENDS_THINGS.test(fuzz.op.path) && !fuzz.op.path.endsWith('/plans/{planId}/closure');
  switch (name) {
    case 'planId':
      return plan.planId;
    case 'projectId':
    case 'activityId':
    case 'kpiId':
    case 'lineId':
    case 'requestId':
      return spare ? plan.spare[name] : plan[name];
    case 'caseId':
    case 'referralId':
    case 'commitmentId':
      return spare ? ids.spare[name] : ids[name];
    case 'code':
      return spare ? ids.spare.agencyCode : ids.agencyCode;
    case 'username':
      return spare ? ids.spare.username : ids.username;
    case 'fiscalYear':
      return '2562';
    // Notifications: ids the fuzzer's caller has none of (a well-formed id that names nothing, and a subscription name).
    case 'notificationId':
    case 'deliveryId':
      return '6f1b0c2e-6a57-4c1e-9a0e-2f9a8d3c7b41';
    case 'subscriptionId':
      return 'fuzz-gateway';
    default:
      throw new Error(`the fuzzer has no real value for path parameter {${name}}: add it to realValue()`);
  }
}

/** Turns a generated case into the request that goes out. */
export function prepare(fuzz: FuzzCase, index: number, seed: number, ctx: RunContext): Prepared {
  const method = fuzz.methodOverride ?? fuzz.op.method;
  const values = fuzz.op.pathParams.map((p, i) => {
    const v = fuzz.path[i];
    return v.kind === 'real' ? realValue(p.name, fuzz, ctx.ids) : v.text;
  });
  const first = fuzz.path[0];
  const root = first?.kind === 'real' ? values[0] : undefined;
  // Raw flavours that spoil the target aim at the first path parameter.
  let query = fuzz.query;
  if (values.length && fuzz.raw === 'bad-percent-in-target') values[0] = '%zz%E0%A4%A';
  if (values.length && fuzz.raw === 'id-of-5000-chars') values[0] = 'a'.repeat(5000);
  if (values.length && fuzz.raw === 'utf8-bytes-in-target') values[0] = 'ทดสอบ\u200F';
  if (!values.length && fuzz.raw === 'bad-percent-in-target') query = [query, 'a=%zz%'].filter(Boolean).join('&');
  if (!values.length && fuzz.raw === 'utf8-bytes-in-target') query = [query, 'x=ทดสอบ\u200F'].filter(Boolean).join('&');
  let path = fuzz.op.path;
  fuzz.op.pathParams.forEach((p, i) => {
    path = path.replace(`{${p.name}}`, () => values[i]);
  });
  if (!values.length && fuzz.raw === 'id-of-5000-chars') path = `${path}/${'a'.repeat(5000)}`;
  const target = query ? `${path}?${query}` : path;

  const correlationId = `fuzz-${seed}-${index}`;
  const headers: Array<[string, string]> = [['X-Correlation-Id', correlationId]];
  const authorization = ctx.authorization(fuzz.role, index);
  if (authorization) headers.push(['Authorization', authorization]);
  const ifMatch =
    fuzz.ifMatch === 'current'
      ? root
        ? ctx.etags.get(root)
        : '"0"'
      : fuzz.ifMatch === 'none'
        ? undefined
        : fuzz.ifMatch;
  if (ifMatch !== undefined) headers.push(['If-Match', ifMatch]);
  const key =
    fuzz.idempotencyKey === 'fresh'
      ? randomUUID()
      : fuzz.idempotencyKey === 'reused'
        ? idempotencyPool[index % idempotencyPool.length]
        : fuzz.idempotencyKey === 'none'
          ? undefined
          : fuzz.idempotencyKey;
  if (key !== undefined) headers.push(['Idempotency-Key', key]);

  let body: Buffer | undefined;
  let bodySketch = '';
  let bodyShell = "''";
  if (fuzz.body.kind === 'json') {
    const { text, sketch, shell } = serialise(fuzz.body.value);
    body = Buffer.from(text, 'utf8');
    bodySketch = sketch;
    bodyShell = shell;
  } else if (fuzz.body.kind === 'bytes') {
    body = fuzz.body.bytes;
    bodySketch = `<${fuzz.body.what}, ${fuzz.body.bytes.length} bytes>`;
    const text = body.toString('utf8');
    bodyShell = Buffer.from(text, 'utf8').equals(body)
      ? shellWord(text)
      : `"$(printf '${[...body].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}')"`;
  }
  if (body && !fuzz.extraHeaders.some(([n]) => n.toLowerCase() === 'content-type'))
    headers.push(['Content-Type', 'application/json']);
  for (const [name, value] of fuzz.extraHeaders) {
    if (name === 'X-Correlation-Id') headers[0] = [name, value];
    else headers.push([name, value]);
  }

  const prepared: Prepared = { method, target, headers, body, correlationId, root, bodySketch, bodyShell };
  const sendable = /^[\x21-\xff]*$/.test(target) && headers.every(([, v]) => /^[\t\x20-\x7e\x80-\xff]*$/.test(v));
  if (!fuzz.raw && sendable) return prepared;
  const raw = rawRequest(prepared, fuzz.raw, fuzz.role);
  return { ...prepared, rawBytes: raw.bytes, rawExpression: raw.expression };
}

/** Bytes as a short JavaScript expression: long runs of one character, or of one line, as .repeat(). */
type Piece = string | { readonly unit: Piece[]; readonly times: number };

function piecesOf(text: string): Piece[] {
  const out: Piece[] = [];
  const runs = /([A-Za-z0-9\u0E00-\u0E7F])\1{49,}/gu;
  let at = 0;
  for (const m of text.matchAll(runs)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push({ unit: [m[1]], times: [...m[0]].length });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function bytesOf(pieces: readonly Piece[]): string {
  return pieces.map((p) => (typeof p === 'string' ? p : bytesOf(p.unit).repeat(p.times))).join('');
}

function expressionOf(pieces: readonly Piece[]): string {
  return pieces
    .map((p) =>
      typeof p === 'string'
        ? JSON.stringify(p)
        : `${pieces.length > 1 || p.unit.length > 1 ? '(' : ''}${expressionOf(p.unit)}${pieces.length > 1 || p.unit.length > 1 ? ')' : ''}.repeat(${p.times})`,
    )
    .join('+');
}

/** The request's bytes, spoilt as the flavour says, and a JavaScript expression that makes them. */
function rawRequest(p: Prepared, flavour: RawFlavour | undefined, role: Role): { bytes: Buffer; expression: string } {
  let method = p.method;
  let eol = '\r\n';
  const headers: Array<readonly [string, string]> = [['Host', '127.0.0.1'], ...p.headers];
  const body = p.body ?? Buffer.alloc(0);
  let lengths = [String(body.length)];
  let repeatedHeader: Piece | undefined;
  switch (flavour) {
    case 'bare-lf-line-ends':
      eol = '\n';
      break;
    case 'bare-lf-in-header-value':
      headers.push(['X-Fuzz', 'a\nX-Injected: 1']);
      break;
    case 'header-over-16kb':
      headers.push(['X-Fuzz', 'a'.repeat(17 * 1024)]);
      break;
    case 'many-headers-over-16kb':
      repeatedHeader = { unit: piecesOf(`X-Fuzz: ${'a'.repeat(100)}\r\n`), times: 200 };
      break;
    case 'nul-in-header':
      headers.push(['X-Fuzz', 'a\u0000b']);
      break;
    case 'rtl-mark-in-header':
      headers.push(['If-Match', '"0\u200F"'], ['Idempotency-Key', 'ก\u200F']);
      break;
    case 'content-length-and-chunked':
      headers.push(['Transfer-Encoding', 'chunked']);
      break;
    case 'two-content-lengths':
      lengths = [String(body.length), String(body.length + 1)];
      break;
    case 'space-in-method':
      method = `${method.slice(0, 1)} ${method.slice(1)}`;
      break;
    case 'obs-fold-header':
      headers.push(['X-Fuzz', `a${eol} folded`]);
      break;
    default:
      break;
  }
  const bodyText = body.toString('utf8');
  const bodyIsText = Buffer.from(bodyText, 'utf8').equals(body);
  const pieces: Piece[] = [...piecesOf(`${method} ${p.target} HTTP/1.1${eol}`)];
  const tokenVar = `TOKEN_${role.toUpperCase()}`;
  for (const [name, value] of headers) {
    if (name === 'Authorization' && role !== 'bad_token') pieces.push(`${name}: Bearer @@${tokenVar}@@${eol}`);
    else pieces.push(...piecesOf(`${name}: ${value}${eol}`));
  }
  if (repeatedHeader) pieces.push(repeatedHeader);
  pieces.push(...lengths.map((l) => `Content-Length: ${l}${eol}`), `Connection: close${eol}${eol}`);
  if (bodyIsText) pieces.push(...piecesOf(bodyText));
  const withToken = (s: string, token: string) => s.split(`@@${tokenVar}@@`).join(token);
  const authorization = (headers.find(([n]) => n === 'Authorization')?.[1] ?? '').replace(/^Bearer /, '');
  const head = Buffer.from(withToken(bytesOf(pieces), authorization), 'utf8');
  const bytes = bodyIsText ? head : Buffer.concat([head, body]);
  // The token comes from the shell: TOKEN_COORDINATOR and so on.
  const expression =
    withToken(expressionOf(pieces), `"+process.env.${tokenVar}+"`) +
    (bodyIsText ? '' : `+<${body.length} bytes of ${JSON.stringify(p.bodySketch)}>`);
  return { bytes, expression };
}

function header(res: RawResponse, name: string): string | undefined {
  return res.headers[name];
}

/** Events appended after a position, leaving out background work (the overdue-referral scheduler), the only writer besides requests. */
export async function eventsStoredSince(
  store: EventStore,
  before: bigint | undefined,
): Promise<Array<{ type: string; streamId: string; correlationId: unknown }>> {
  const events = await collect(store.readAll({ fromPosition: before === undefined ? 'start' : before + 1n }));
  return events
    .map((e) => ({
      type: e.type,
      streamId: e.streamId,
      correlationId: (e.metadata as { correlationId?: unknown } | null)?.correlationId,
    }))
    .filter((e) => !(typeof e.correlationId === 'string' && e.correlationId.startsWith('referral-overdue:')));
}

/** Sends one request and checks the answer against the rules every answer must keep. */
export async function runOne(fuzz: FuzzCase, prepared: Prepared, ctx: RunContext): Promise<Result> {
  const failures: Failure[] = [];
  const fail = (check: Check, outcome: string, detail: string) =>
    failures.push({ check, outcome, fuzz, prepared, detail });
  const before = await ctx.store.headPosition();
  let res: RawResponse;
  try {
    res = prepared.rawBytes
      ? await sendRaw(ctx.port, prepared.rawBytes, ctx.timeoutMs)
      : await sendHttp(ctx.port, prepared, ctx.timeoutMs);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    fail('no-answer', message.replace(/\d+ ms/, 'N ms'), message);
    return { status: undefined, failures };
  }
  const after = await ctx.store.headPosition();
  const text = res.body.toString('utf8');
  let json: { code?: unknown; messages?: { th?: unknown; en?: unknown } } | undefined;
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    json = undefined;
  }
  const code = typeof json?.code === 'string' ? json.code : '-';
  const outcome = `${res.status} ${code}`;
  const correlation = header(res, 'x-correlation-id') ?? prepared.correlationId;

  if (res.status >= 500 || res.status < 100) {
    const cause = ctx.serverErrors.get(correlation);
    fail('5xx', cause ? `${outcome} — ${cause}` : outcome, text.slice(0, 300));
  }
  if (res.status >= 400 && res.status < 500) {
    const type = header(res, 'content-type') ?? '';
    const problems: string[] = [];
    if (!type.startsWith('application/problem+json')) problems.push(`content-type ${type || '(none)'}`);
    // HEAD answers carry no body by definition.
    if (prepared.method !== 'HEAD') {
      if (!json) problems.push(`body not JSON: ${JSON.stringify(text.slice(0, 120))}`);
      else {
        if (typeof json.code !== 'string' || !json.code) problems.push('no code');
        if (typeof json.messages?.th !== 'string' || !json.messages.th) problems.push('no messages.th');
        if (typeof json.messages?.en !== 'string' || !json.messages.en) problems.push('no messages.en');
      }
    }
    const kinds = problems.map((p) =>
      p.startsWith('content-type') ? `not problem+json (${type.split(';')[0] || 'none'})` : p.replace(/:.*/, ''),
    );
    if (problems.length)
      fail(
        'not-problem-json',
        `${res.status} ${kinds.join(', ')}`,
        `${problems.join('; ')}; body ${JSON.stringify(text.slice(0, 200))}`,
      );
  }
  if (res.status >= 400 && header(res, 'x-content-type-options') !== 'nosniff') {
    fail('no-security-headers', `${res.status} ${code}`, `headers: ${Object.keys(res.headers).join(', ')}`);
  }
  if (res.status >= 400 && after !== before) {
    const stored = await eventsStoredSince(ctx.store, before);
    const audited = AUDITED_REFUSALS.find((a) => prepared.target.split('?')[0] === a.path && fuzz.op.path === a.path);
    if (
      stored.length &&
      !(audited && stored.every((e) => audited.types.has(e.type) && e.correlationId === correlation))
    ) {
      const mine = stored.filter((e) => e.correlationId === correlation).length;
      fail(
        'event-stored-by-rejected-request',
        outcome,
        `${stored.length} event(s) (${mine} with this request's correlation id): ${stored.map((e) => `${e.type}@${e.streamId}`).join(', ')}`,
      );
    }
  }
  if (
    res.status >= 200 &&
    res.status < 300 &&
    fuzz.body.kind === 'json' &&
    fuzz.body.unknownKey &&
    fuzz.op.body &&
    !fuzz.methodOverride
  ) {
    fail('unknown-field-accepted', `${res.status} field ${fuzz.body.unknownKey}`, `body ${prepared.bodySketch}`);
  }
  if (res.status >= 200 && res.status < 300 && !PUBLIC.test(prepared.target)) {
    const authorization = prepared.headers.find(([n]) => n === 'Authorization')?.[1];
    if (fuzz.role === 'anonymous' || (fuzz.role === 'bad_token' && !ctx.unregisteredAgency(authorization))) {
      fail(
        'accepted-without-valid-token',
        `${res.status} as ${fuzz.role === 'anonymous' ? 'nobody' : 'a forged or broken token'}`,
        `Authorization: ${(authorization ?? '(none)').slice(0, 60)}`,
      );
    } else if (fuzz.role === 'bad_token' && prepared.method === 'POST') {
      fail(
        'unregistered-agency-accepted',
        `${res.status} POST by a token for an unregistered agency`,
        'coordinator token for NOPE-XX',
      );
    }
  }
  // Keep If-Match "current" current: a 2xx or a 412 tells the stream's version.
  const etag = header(res, 'etag');
  if (prepared.root && etag && (res.status < 300 || res.status === 412)) ctx.etags.set(prepared.root, etag);
  return { status: res.status, code, failures };
}

/** A command line that sends the same request again (tokens as shell variables). */
export function repro(fuzz: FuzzCase, p: Prepared): string {
  if (p.rawExpression) {
    return `node -e 'const s=require("net").connect(3000,"127.0.0.1",()=>s.write(${p.rawExpression.replace(/'/g, "'\\''")}));s.pipe(process.stdout)'`;
  }
  const parts = [`curl -sS -i -X ${p.method} ${shellWord(`http://127.0.0.1:3000${p.target}`)}`];
  for (const [name, value] of p.headers) {
    if (name === 'Authorization' && fuzz.role !== 'bad_token')
      parts.push(`-H "Authorization: Bearer $TOKEN_${fuzz.role.toUpperCase()}"`);
    else if (name !== 'X-Correlation-Id') parts.push(`-H ${shellWord(`${name}: ${value}`)}`);
  }
  if (p.body) parts.push(`--data-binary ${p.bodyShell.length > 2000 ? `<${p.bodySketch}>` : p.bodyShell}`);
  return parts.join(' ');
}

/** How to get the tokens the repros name (the fuzzer's roles, as the seeded agencies know them). */
const TOKEN_COMMANDS = [
  ['COORDINATOR', 'somchai', 'PSDHS-SK', 'coordinator'],
  ['CHAIR', 'governor', 'PROV-SK', 'chair'],
  ['OFFICER_OWNER', 'malee.s', 'SHELTER-SK', 'agency_officer'],
  ['OFFICER_LEAD', 'malee', 'PSDHS-SK', 'agency_officer'],
  ['AUDITOR', 'auditor1', 'OAG', 'auditor'],
  ['VIEWER', 'v', 'PSDHS-SK', 'viewer'],
].map(
  ([name, sub, agency, role]) =>
    `TOKEN_${name}=$(npm run --silent cli -- token --sub ${sub} --agency ${agency} --role ${role})`,
);

const CHECK_TEXT: Record<Check, string> = {
  '5xx': 'server error (5xx)',
  'not-problem-json': '4xx that is not application/problem+json with code, messages.th and messages.en',
  'no-security-headers': 'error answer without the security headers (X-Content-Type-Options and the rest)',
  'event-stored-by-rejected-request': 'event stored by a request that was answered 4xx/5xx',
  'unknown-field-accepted': 'unknown field (constructor, prototype, __proto__, …) accepted with 2xx',
  'accepted-without-valid-token': '2xx for nobody or for a forged or broken token',
  'unregistered-agency-accepted': 'command accepted from a token whose agency is not registered',
  'no-answer': 'no answer',
};

function top(counts: Map<string, number>, n: number): string {
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, n).map(([k, c]) => `${k} ×${c}`);
  return sorted.length > n ? `${shown.join('; ')}; … ${sorted.length - n} more` : shown.join('; ');
}

/** Failures grouped by rule and answer: how often, on which operations, with what input, and a few repros. */
export function report(failures: readonly Failure[], examplesPerGroup = 3): string {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    const key = `${f.check} | ${f.outcome}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: string[] = [
    `${failures.length} failed checks in ${groups.size} groups. Repros expect the API on port 3000 and tokens in the shell, e.g.`,
    ...TOKEN_COMMANDS.map((c) => `  ${c}`),
  ];
  for (const [key, list] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    const check = list[0].check;
    const ops = new Map<string, number>();
    const inputs = new Map<string, number>();
    for (const f of list) {
      ops.set(f.fuzz.op.id, (ops.get(f.fuzz.op.id) ?? 0) + 1);
      const labels = f.fuzz.labels.length ? f.fuzz.labels.join(' + ') : 'valid-ish request';
      inputs.set(labels, (inputs.get(labels) ?? 0) + 1);
    }
    out.push('', `■ ${CHECK_TEXT[check]} — ${key.split(' | ')[1]} — ${list.length}×`);
    out.push(`  operations (${ops.size}): ${top(ops, 6)}`);
    out.push(`  inputs: ${top(inputs, 6)}`);
    // The simplest examples first: the fewest things spoilt at once.
    const examples = [...list]
      .sort(
        (a, b) => a.fuzz.labels.length - b.fuzz.labels.length || a.prepared.target.length - b.prepared.target.length,
      )
      .slice(0, examplesPerGroup);
    for (const f of examples) {
      out.push(
        `  e.g. ${f.fuzz.op.id} as ${f.fuzz.role} [${f.fuzz.labels.join(' + ') || 'valid-ish'}]: ${f.detail.slice(0, 240)}`,
      );
      out.push(`       ${repro(f.fuzz, f.prepared).split('\n').join('\n       ')}`);
    }
  }
  return out.join('\n');
}
