import { ConfigError, loadConfig, type AppConfig } from '@ruamjai/config';
import { AGENCY_CODE, DomainError, isProvinceCode, ROLES, systemClock, type Role } from '@ruamjai/kernel';
import {
  AGENCY_TYPES,
  agencyDecider,
  agencyStreamId,
  planningMigrations,
  planningProjections,
  type AgencyType,
} from '@ruamjai/planning';
import { casesMigrations, casesProjections } from '@ruamjai/cases';
import { CommandRunner, verifyChains } from '@ruamjai/event-store';
import {
  backupDataDir,
  BackupError,
  openEventStore,
  openReadModels,
  restoreDataDir,
  secureDataDir,
} from '@ruamjai/platform';
import { clampCheckpoints, readCheckpoints, readStalls, rebuildProjections, requestRetry } from '@ruamjai/read-models';
import { identityMigrations, identityProjections, needsSecondFactor, registerUser, USERNAME } from '@ruamjai/identity';
import { randomUUID } from 'node:crypto';
import { issueToken, loadOrCreateSigningKey } from '@ruamjai/security';
import { SingleBar, Presets } from 'cli-progress';
import { seedSakaeo2562 } from './seed/run-seed';
import { REPORT_USAGE, ReportUsageError, runReport } from './report/run-report';
import { parseArgs } from 'node:util';
import { DeadLetters, notificationMigrations } from '@ruamjai/notifications';

const USAGE = `Usage:
  npm run cli -- token --sub <user> --agency <AGENCY-CODE> --role <${ROLES.join('|')}> [--province TH-27] [--ttl <seconds>]
  npm run cli -- projections rebuild [name]
  npm run cli -- projections list
  npm run cli -- projections status
  npm run cli -- projections retry <name>
  npm run cli -- audit verify
  npm run cli -- seed sakaeo-2562
  npm run cli -- backup <dir>
  npm run cli -- restore <dir> [--force] [--erasures-from <data folder or later backup>]…
  npm run cli -- agencies add --code <AGENCY-CODE> --name-th <name> --type <${AGENCY_TYPES.join('|')}> [--name-en <name>] [--district <code>] [--province TH-27]
  npm run cli -- users add --username <name> --role <${ROLES.join('|')}> --agency <AGENCY-CODE> [--display-name <name>] [--province TH-27]
  npm run cli -- notifications dead-letters
  npm run cli -- notifications replay <delivery-id>|--all
${REPORT_USAGE}`;

class UsageError extends Error {}

/** Every context's projections: the CLI lists and rebuilds them all. */
const allProjections = [...planningProjections, ...casesProjections, ...identityProjections];

async function token(config: AppConfig, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sub: { type: 'string' },
      agency: { type: 'string' },
      role: { type: 'string' },
      province: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  if (!values.sub || !values.agency || !values.role) throw new UsageError('token needs --sub, --agency and --role');
  if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (!/^[A-Z0-9][A-Z0-9-]{0,63}$/.test(values.agency))
    throw new UsageError('--agency must be an agency code: upper-case letters, digits and dashes, e.g. PSDHS-SK');
  if (!/^[\w.@-]{1,200}$/.test(values.sub))
    throw new UsageError('--sub must be a user name: letters, digits, dot, @, dash or underscore');
  if (config.jwt.jwksUrl || config.jwt.publicKeyPem)
    throw new UsageError('tokens are issued by your identity provider when JWT_JWKS_URL or JWT_PUBLIC_KEY is set');
  const province = values.province ?? config.deploymentProvince;
  if (!isProvinceCode(province)) throw new UsageError('--province must be a province code, e.g. TH-27');
  await requireKnownAgency(config, values.agency, values.role as Role);
  const key = await loadOrCreateSigningKey(config.dataDir);
  const ttlSeconds = values.ttl ? Number(values.ttl) : undefined;
  if (ttlSeconds !== undefined && (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0))
    throw new UsageError('--ttl must be a positive whole number of seconds');
  process.stdout.write(
    `${await issueToken(key, { sub: values.sub, agency: values.agency, role: values.role as Role, province, ttlSeconds }, config.jwt.issuer, config.jwt.audience)}\n`,
  );
}

/**
 * A token names an agency of the directory, registered and active: the API would refuse it anyway.
 * On a new centre's empty log the first coordinator's token is the way in, to register the first agency.
 */
async function requireKnownAgency(config: AppConfig, agency: string, role: Role): Promise<void> {
  const store = openEventStore(config);
  try {
    const state = await new CommandRunner(store).load(agencyDecider, agencyStreamId(agency));
    if (state.state.status === 'active') return;
    if (state.state.status === 'inactive')
      throw new UsageError(`agency ${agency} was deactivated in the directory; no token is issued for it`);
    if ((await store.headPosition()) === undefined && role === 'coordinator') {
      process.stderr.write(
        `The log is empty: this token may register the first agency (${agency}) and nothing else until it is registered.\n`,
      );
      return;
    }
    throw new UsageError(
      `agency ${agency} is not in the directory; register it first (POST /api/v1/agencies) or check the code`,
    );
  } finally {
    await store.close();
  }
}

async function projections(config: AppConfig, args: string[]): Promise<void> {
  const [action, name] = args;
  if (action === 'list') {
    for (const p of allProjections) process.stdout.write(`${p.name}\n`);
    return;
  }
  if (action === 'status') return projectionStatus(config);
  if (action === 'retry') return retryProjection(config, name);
  if (action !== 'rebuild') throw new UsageError(`unknown projections action ${action ?? ''}`);
  const targets = name ? allProjections.filter((p) => p.name === name) : allProjections;
  if (targets.length === 0) throw new UsageError(`no projection named ${name}; try: npm run cli -- projections list`);
  const store = openEventStore(config);
  // A rebuild is one transaction over every event: a short-lived process, so it keeps more pages in
  // memory than the serving processes do, and spills less.
  const db = await openReadModels(
    { ...config, readModelCacheMb: Math.max(config.readModelCacheMb, 256) },
    readModelMigrations,
  );
  const bar = new SingleBar(
    { format: 'rebuilding {names} [{bar}] {percentage}% | position {value}/{total}', hideCursor: true },
    Presets.shades_classic,
  );
  const head = Number((await store.headPosition()) ?? 0n);
  bar.start(Math.max(head, 1), 0, { names: targets.map((p) => p.name).join(', ') });
  const started = performance.now();
  try {
    const result = await rebuildProjections(store, db, targets, systemClock, (position) =>
      bar.update(Number(position)),
    );
    // A rebuilt projection has applied every event: a stall recorded for it is over (a running
    // runner notices at its next retry, which finds nothing left to apply).
    for (const p of targets)
      if (await requestRetry(db, p.name, systemClock.now()))
        process.stdout.write(`${p.name} was stalled: its runner is asked to retry\n`);
    // A full rebuild also brings every other checkpoint (the relay's) back within the log.
    const clamped = name ? [] : await clampCheckpoints(db, (await store.headPosition()) ?? 0n);
    bar.update(Math.max(head, 1));
    bar.stop();
    if (clamped.length > 0) process.stdout.write(`moved ${clamped.join(', ')} back to the log's head\n`);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `rebuilt ${targets.length} projection(s) from ${result.events} events in ${seconds.toFixed(2)} s\n`,
    );
  } finally {
    bar.stop();
    await store.close();
    await db.destroy();
  }
}

const readModelMigrations = [planningMigrations, casesMigrations, identityMigrations, notificationMigrations];

/** Each projection's checkpoint, how far it trails the log, and any stall with its event and error. */
async function projectionStatus(config: AppConfig): Promise<void> {
  const store = openEventStore(config);
  const db = await openReadModels(config, readModelMigrations);
  try {
    const head = (await store.headPosition()) ?? 0n;
    const checkpoints = await readCheckpoints(db);
    const stalls = new Map((await readStalls(db)).map((s) => [s.name, s]));
    process.stdout.write(`log head ${head}\n`);
    for (const p of allProjections) {
      const at = checkpoints.get(p.name) ?? 0n;
      const stall = stalls.get(p.name);
      const state = stall
        ? `STALLED since ${stall.since.toISOString()} at position ${stall.position} (${stall.eventType} in ${stall.streamId}) after ${stall.attempts} attempts: ${stall.error}`
        : at >= head
          ? 'current'
          : `${head - at} behind`;
      process.stdout.write(`${p.name.padEnd(28)} ${String(at).padStart(10)}  ${state}\n`);
    }
    if (stalls.size > 0) process.exitCode = 1;
  } finally {
    await store.close();
    await db.destroy();
  }
}

/** Asks the runner holding a stalled projection to try it again (it looks every second). */
async function retryProjection(config: AppConfig, name: string | undefined): Promise<void> {
  if (!name) throw new UsageError('projections retry needs the name of a stalled projection (see: projections status)');
  if (!allProjections.some((p) => p.name === name))
    throw new UsageError(`no projection named ${name}; try: npm run cli -- projections list`);
  const db = await openReadModels(config, readModelMigrations);
  try {
    if (!(await requestRetry(db, name, systemClock.now())))
      throw new UsageError(`${name} is not stalled; nothing to retry`);
    process.stdout.write(`asked the runner of ${name} to retry it; see: npm run cli -- projections status\n`);
  } finally {
    await db.destroy();
  }
}

async function audit(config: AppConfig, args: string[]): Promise<void> {
  if (args[0] !== 'verify') throw new UsageError(`unknown audit action ${args[0] ?? ''}`);
  const store = openEventStore(config);
  try {
    const report = await verifyChains(store);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (!report.ok) {
      const b = report.firstBreak!;
      process.stderr.write(
        `\nTHE LOG FAILS VERIFICATION at position ${b.position} (${b.streamId} revision ${b.revision}, event ${b.eventId}): ${b.detail}\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await store.close();
  }
}

async function seed(config: AppConfig, args: string[]): Promise<void> {
  if (args[0] !== 'sakaeo-2562') throw new UsageError(`unknown seed ${args[0] ?? ''}; available: sakaeo-2562`);
  const result = await seedSakaeo2562(config);
  // The plan id alone on standard output, so PLAN=$(npm run --silent cli -- seed sakaeo-2562) works.
  process.stdout.write(`${result.planId}\n`);
  process.stderr.write(
    `Seeded the Sa Kaeo FY2562 plan (revision ${result.revision}, ${Object.keys(result.projectIds).length} projects with their activities, KPIs and budget lines, 1 Fund request, progress reports) and its fictional cases, referrals and commitments.\n` +
      `Try: curl -s "localhost:${config.port}/api/v1/plans/${result.planId}?minPosition=${result.position}" -H "Authorization: Bearer $TOKEN"\n`,
  );
}

async function backup(config: AppConfig, args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('backup needs one folder');
  const started = performance.now();
  const manifest = await backupDataDir(config, positionals[0]);
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
  process.stderr.write(
    `Backed up ${manifest.log.events} events to position ${manifest.log.headPosition ?? 'none'} (chain digest ${manifest.log.chainDigest}), ` +
      `${manifest.keys.subjects} data keys (${manifest.keys.erased} erased) in ${((performance.now() - started) / 1000).toFixed(2)} s.\n` +
      'The backup holds live data keys: keep it encrypted, and expire it with your erasure deadline (README, Backups).\n',
  );
}

async function restore(config: AppConfig, args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean' }, 'erasures-from': { type: 'string', multiple: true } },
  });
  if (positionals.length !== 1) throw new UsageError('restore needs one backup folder');
  const report = await restoreDataDir(config, positionals[0], {
    force: values.force,
    erasuresFrom: values['erasures-from'],
    projections: allProjections,
    migrations: [planningMigrations, casesMigrations, identityMigrations, notificationMigrations],
    clock: systemClock,
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(
    `Restored to position ${report.headPosition ?? 'none'} (chain verified, digest ${report.chainDigest}); ${report.erasuresReapplied} erasure(s) kept in force, ` +
      `${report.erasureEventsReappended} erasure event(s) recorded again; read models rebuilt from ${report.rebuiltEvents} events.` +
      (report.setAside ? ` The replaced files are in ${report.setAside}: delete them once you are sure.` : '') +
      '\n',
  );
}

/** First run: the first coordinator, before anyone can sign in. Prints the one-time password. */
async function users(config: AppConfig, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'add') throw new UsageError(`unknown users action ${action ?? ''}; available: add`);
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      province: { type: 'string' },
    },
  });
  if (!values.username || !values.role || !values.agency)
    throw new UsageError('users add needs --username, --role and --agency');
  if (!USERNAME.test(values.username))
    throw new UsageError('--username must be 3-64 lower-case letters, digits, dots, dashes or underscores');
  if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (!/^[A-Z0-9][A-Z0-9-]{0,63}$/.test(values.agency))
    throw new UsageError('--agency must be an agency code: upper-case letters, digits and dashes, e.g. PSDHS-SK');
  const province = values.province ?? config.deploymentProvince;
  if (!isProvinceCode(province)) throw new UsageError('--province must be a province code, e.g. TH-27');
  await requireKnownAgency(config, values.agency, values.role as Role);
  const store = openEventStore(config);
  try {
    const runner = new CommandRunner(store);
    // The CLI acts as the secretariat of the agency it names, on the machine that holds the data.
    const actor = { id: 'cli', agency: values.agency, role: 'coordinator' as const, province };
    const { oneTimePassword } = await registerUser(
      runner,
      systemClock,
      {
        username: values.username,
        displayName: values['display-name'] ?? values.username,
        role: values.role as Role,
        agency: values.agency,
        province,
      },
      { actor, correlationId: randomUUID(), causationId: randomUUID() },
      config.deploymentProvince,
    );
    process.stdout.write(`${oneTimePassword}\n`);
    process.stderr.write(
      `Added ${values.username} (${values.role}, ${values.agency}, ${province}). The password above works once: it must be changed at the first sign-in at http://localhost:${config.port}/` +
        (needsSecondFactor(values.role as Role) ? ', and an authenticator app (TOTP) is set up then.\n' : '.\n'),
    );
  } finally {
    await store.close();
  }
}

/**
 * A centre's office into the directory, by the operator on the machine that holds the data: how a
 * new province's centre joins a national deployment. Its coordinator's account names that office,
 * and the API lets no one act for an agency the directory does not hold (only the first agency of an
 * empty log is registered over HTTP), so the first office of each province is registered here.
 */
async function agencies(config: AppConfig, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'add') throw new UsageError(`unknown agencies action ${action ?? ''}; available: add`);
  const { values } = parseArgs({
    args: rest,
    options: {
      code: { type: 'string' },
      'name-th': { type: 'string' },
      'name-en': { type: 'string' },
      type: { type: 'string' },
      district: { type: 'string' },
      province: { type: 'string' },
    },
  });
  if (!values.code || !values['name-th']?.trim() || !values.type)
    throw new UsageError('agencies add needs --code, --name-th and --type');
  // The directory's own rule, as the API registers an agency.
  if (!AGENCY_CODE.test(values.code))
    throw new UsageError('--code must be an agency code: 2 to 64 upper-case letters, digits and dashes, e.g. PSDHS-CB');
  if (!AGENCY_TYPES.includes(values.type as AgencyType))
    throw new UsageError(`--type must be one of ${AGENCY_TYPES.join(', ')}`);
  const province = values.province ?? config.deploymentProvince;
  if (!isProvinceCode(province)) throw new UsageError('--province must be a province code, e.g. TH-27');
  const store = openEventStore(config);
  try {
    // The operator acts as the new office's own coordinator: the agency belongs to that province.
    const actor = { id: 'cli', agency: values.code, role: 'coordinator' as const, province };
    await new CommandRunner(store).run(
      agencyDecider,
      agencyStreamId(values.code),
      {
        type: 'RegisterAgency',
        data: {
          code: values.code,
          nameTh: values['name-th'],
          nameEn: values['name-en'],
          agencyType: values.type as AgencyType,
          districtCode: values.district,
        },
        actor,
        at: systemClock.now(),
        deploymentProvince: config.deploymentProvince,
      },
      { actor, correlationId: randomUUID(), causationId: randomUUID() },
    );
    process.stderr.write(
      `Registered ${values.code} (${values.type}, ${province}). Add its coordinator with: npm run cli -- users add --username <name> --role coordinator --agency ${values.code} --province ${province}\n`,
    );
  } finally {
    await store.close();
  }
}

/** The operator's side of the dead-letter list: deliveries that ran out of attempts, and sending them again. */
async function notifications(config: AppConfig, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'dead-letters' && action !== 'replay')
    throw new UsageError(`unknown notifications action ${action ?? ''}; available: dead-letters, replay`);
  if (action === 'replay' && rest.length !== 1)
    throw new UsageError('notifications replay needs one delivery id (from notifications dead-letters) or --all');
  const db = await openReadModels(config, [
    planningMigrations,
    casesMigrations,
    identityMigrations,
    notificationMigrations,
  ]);
  try {
    // Only the list is touched: nothing is sent from here; the running notifier sends what is replayed.
    const deadLetters = new DeadLetters(db, systemClock);
    const dead = await deadLetters.list();
    if (action === 'dead-letters') {
      for (const d of dead)
        process.stdout.write(
          `${d.deliveryId}\t${d.channel}\t${d.address}\t${d.attempts} attempts\t${d.lastError ?? ''}\n`,
        );
      process.stderr.write(
        `${dead.length} delivery(ies) on the dead-letter list${dead.length ? '; send one again with: npm run cli -- notifications replay <delivery-id> (or --all)' : ''}\n`,
      );
      return;
    }
    const ids = rest[0] === '--all' ? dead.map((d) => d.deliveryId) : rest;
    let replayed = 0;
    for (const id of ids) if (await deadLetters.replay(id)) replayed += 1;
    if (rest[0] !== '--all' && replayed === 0)
      throw new UsageError(
        `${rest[0]} is not on the dead-letter list (see: npm run cli -- notifications dead-letters)`,
      );
    process.stderr.write(
      `${replayed} delivery(ies) queued to be sent again by the running notifier (the worker, or the API on the embedded default)\n`,
    );
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  for (const fixed of secureDataDir(config.dataDir))
    process.stderr.write(`warning: data folder was readable by others: ${fixed}\n`);
  switch (command) {
    case 'token':
      return token(config, rest);
    case 'projections':
      return projections(config, rest);
    case 'audit':
      return audit(config, rest);
    case 'seed':
      return seed(config, rest);
    case 'backup':
      return backup(config, rest);
    case 'restore':
      return restore(config, rest);
    case 'report': {
      const result = await runReport(config, rest);
      process.stdout.write(`${result.file}\n`);
      process.stderr.write(
        `Built from the log up to position ${result.position}${result.reproduceAsOf ? `; reproduce with --as-of ${result.reproduceAsOf}` : ''}\n`,
      );
      return;
    }
    case 'agencies':
      return agencies(config, rest);
    case 'users':
      return users(config, rest);
    case 'notifications':
      return notifications(config, rest);
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  }
}

main().catch((error: unknown) => {
  if (error instanceof BackupError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof ReportUsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (error instanceof DomainError) {
    process.stderr.write(`${error.text.th}\n${error.text.en}\n`);
    process.exit(1);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
