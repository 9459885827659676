#!/usr/bin/env node
// A real single-node Apache Kafka broker (KRaft, no ZooKeeper) for tests and local work, from the
// jars that infra/kafka/pom.xml resolves from Maven Central (cached in ~/.m2 between runs).
// Usage: node infra/kafka/kafka.mjs <data-dir> <port> [controller-port]
// Prints `ready 127.0.0.1:<port>` once the broker answers metadata requests; stops cleanly on
// SIGTERM/SIGINT (controlled shutdown), or when its parent goes away.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { supervise } from '../supervise.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [dataDir, portArg, controllerArg] = process.argv.slice(2);
if (!dataDir || !portArg) {
  process.stderr.write('usage: kafka.mjs <data-dir> <port> [controller-port]\n');
  process.exit(2);
}
const port = Number(portArg);
const controllerPort = Number(controllerArg ?? port + 1);

function classpath() {
  // Re-resolve only when the pom changes.
  const pom = readFileSync(join(here, 'pom.xml'));
  const stamp = createHash('sha256').update(pom).digest('hex');
  const file = join(here, 'target', 'classpath.txt');
  const stampFile = join(here, 'target', 'classpath.sha256');
  if (!existsSync(file) || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        '-Dstyle.color=never',
        '-f',
        join(here, 'pom.xml'),
        'dependency:build-classpath',
        `-Dmdep.outputFile=${file}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    writeFileSync(stampFile, stamp);
  }
  return readFileSync(file, 'utf8').trim();
}

function java(mainClass, args, options = {}) {
  const jvm = [
    '-Xms256m',
    '-Xmx512m',
    '-XX:+UseG1GC',
    `-Dlog4j2.configurationFile=${join(here, 'log4j2.properties')}`,
    '-Djava.awt.headless=true',
  ];
  return spawn('java', [...jvm, '-cp', classpath(), mainClass, ...args], options);
}

function exited(child) {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

mkdirSync(join(dataDir, 'logs'), { recursive: true });
const config = join(dataDir, 'server.properties');
writeFileSync(
  config,
  [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${join(dataDir, 'logs')}`,
    'num.partitions=3',
    // One broker: every internal topic has one replica and needs one in sync.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'min.insync.replicas=1',
    'default.replication.factor=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
  ].join('\n') + '\n',
);

if (!existsSync(join(dataDir, 'logs', 'meta.properties'))) {
  // A cluster id starting with '-' would be read as an option: keep to letters and digits first.
  const clusterId = `R${randomBytes(16).toString('base64url').slice(0, 21)}`;
  const format = java('kafka.tools.StorageTool', ['format', '-t', clusterId, '-c', config], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await exited(format);
  if (code !== 0) {
    process.stderr.write(`formatting KRaft storage failed (${code})\n`);
    process.exit(1);
  }
}

const broker = java('kafka.Kafka', [config], { stdio: ['ignore', 'ignore', 'inherit'] });
const { stop } = supervise(broker, { signal: 'SIGTERM', graceMs: 20_000 });

// Ready when the broker answers an ApiVersions request on its listener.
function answers() {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      const clientId = Buffer.from('ruamjai-ready');
      const header = Buffer.alloc(10);
      header.writeInt16BE(18, 0); // ApiVersions
      header.writeInt16BE(0, 2); // version 0
      header.writeInt32BE(1, 4); // correlation id
      header.writeInt16BE(clientId.length, 8);
      const body = Buffer.concat([header, clientId]);
      const size = Buffer.alloc(4);
      size.writeInt32BE(body.length, 0);
      socket.write(Buffer.concat([size, body]));
    });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.length >= 10 && data.readInt16BE(8) === 0);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}
const deadline = Date.now() + 120_000;
while (!(await answers())) {
  if (Date.now() > deadline || broker.exitCode !== null) {
    process.stderr.write('the Kafka broker did not become ready\n');
    stop();
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}
process.stdout.write(`ready 127.0.0.1:${port}\n`);
