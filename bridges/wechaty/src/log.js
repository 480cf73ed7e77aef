/**
 * One line per record on standard output, `time level message`, so that a service manager's
 * journal or `docker logs` shows the bridge's story without a logging library.
 */
function write (level, message) {
  process.stdout.write(`${new Date().toISOString()} ${level} ${message}\n`)
}

/** @typedef {{info(m: string): void, warn(m: string): void, error(m: string): void}} Log */

/** @type {Log} */
export const log = {
  info: m => write('INFO', m),
  warn: m => write('WARN', m),
  error: m => write('ERROR', m),
}

/** @type {Log} A log that says nothing, for tests that check behaviour rather than words. */
export const quiet = { info () {}, warn () {}, error () {} }
