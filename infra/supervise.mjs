// How the infra scripts keep their server: stop it on SIGTERM/SIGINT or when the process that
// started us goes away (a killed test run leaves no server behind), force it after a grace period,
// and exit with its end.

/**
 * @param {import('node:child_process').ChildProcess} child the server
 * @param {{ signal: NodeJS.Signals, graceMs: number, onUnexpectedExit?: (code: number | null) => void }} options
 *   signal: how the server shuts down cleanly; onUnexpectedExit: called when it dies on its own
 * @returns {{ stop: () => void }}
 */
export function supervise(child, { signal, graceMs, onUnexpectedExit = () => undefined }) {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000).unref();
  child.once('exit', (code) => {
    if (!stopping) onUnexpectedExit(code);
    process.exit(stopping ? 0 : (code ?? 1) || 1);
  });
  return { stop };
}
