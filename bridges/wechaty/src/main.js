#!/usr/bin/env node
import { loadConfig, ConfigError } from './config.js'
import { log } from './log.js'
import { startBridge } from './bridge.js'

/** Runs the bridge with the puppet named in the environment until SIGINT or SIGTERM. */
let config
try {
  config = loadConfig(process.env)
} catch (e) {
  if (e instanceof ConfigError) {
    log.error(e.message)
    process.exit(2)
  }
  throw e
}
log.info(`starting with puppet ${config.puppet}; rooms: ${config.rooms.all ? '*' : config.rooms.entries.join(', ')}`)
const bridge = await startBridge({ config, log })
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    log.info(`${signal}: stopping; ${bridge.backlog} queued events stay on disk for the next start`)
    await bridge.stop().catch(e => log.error(`stopping: ${e.message}`))
    process.exit(0)
  })
}
