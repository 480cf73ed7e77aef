import path from 'node:path'

/** A setting that cannot be used; the message names the environment variable. */
export class ConfigError extends Error {}

/**
 * @typedef {object} Config
 * @property {string} puppet          WECHATY_PUPPET: any Wechaty puppet's package name
 * @property {string | undefined} puppetToken WECHATY_PUPPET_TOKEN: the puppet's token, if it takes one
 * @property {string} name            BRIDGE_NAME: the Wechaty name; the login session is kept in
 *                                    `<dataDir>/<name>.memory-card.json` so a restart needs no new scan
 * @property {string} eventsUrl       TUANGOU_URL + /bridge/events
 * @property {string} secret          TUANGOU_BRIDGE_SECRET, the same as tuangou's
 * @property {string} host            BRIDGE_HOST: where the send endpoint listens
 * @property {number} port            BRIDGE_PORT: 0 picks a free port
 * @property {RoomFilter} rooms       BRIDGE_ROOMS
 * @property {string} dataDir         BRIDGE_DATA_DIR: the queue of events not yet taken by tuangou
 * @property {number} queueMax        BRIDGE_QUEUE_MAX
 * @property {number} maxSkewSeconds  BRIDGE_MAX_SKEW_SECONDS: 0 turns the timestamp window off
 * @property {number} sendIntervalMs  BRIDGE_SEND_INTERVAL_MS: at least this long between two sends
 * @property {number} sendMaxWaitMs   BRIDGE_SEND_MAX_WAIT_MS: a send that would wait longer is refused (429)
 * @property {number} retryMinMs      BRIDGE_RETRY_MIN_MS: first wait after a failed post to tuangou
 * @property {number} retryMaxMs      BRIDGE_RETRY_MAX_MS: the longest wait between two tries
 */

/**
 * @typedef {object} RoomFilter
 * @property {boolean} all
 * @property {string[]} entries  room ids or topics, as configured
 */

/**
 * The configuration from the environment, checked at once: a bridge that starts with a bad
 * setting would lose messages later, so it refuses to start and says which variable is wrong.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {Readonly<Config>}
 */
export function loadConfig (env = process.env) {
  const get = key => (env[key] ?? '').trim()
  const url = get('TUANGOU_URL')
  if (!/^https?:\/\/[^/]+/.test(url)) {
    throw new ConfigError(`TUANGOU_URL must be tuangou's http(s) base URL, e.g. http://127.0.0.1:8080, got "${url}"`)
  }
  const secret = get('TUANGOU_BRIDGE_SECRET')
  if (secret.length < 16) {
    throw new ConfigError('TUANGOU_BRIDGE_SECRET must be set to the secret tuangou has (at least 16 characters)')
  }
  const rooms = parseRooms(get('BRIDGE_ROOMS'))
  const dataDir = path.resolve(get('BRIDGE_DATA_DIR') || './data')
  return Object.freeze({
    puppet: get('WECHATY_PUPPET') || 'wechaty-puppet-wechat4u',
    puppetToken: get('WECHATY_PUPPET_TOKEN') || undefined,
    name: get('BRIDGE_NAME') || 'tuangou-bridge',
    eventsUrl: url.replace(/\/+$/, '') + '/bridge/events',
    secret,
    host: get('BRIDGE_HOST') || '127.0.0.1',
    port: integer(env, 'BRIDGE_PORT', 8788, 0, 65535),
    rooms,
    dataDir,
    queueMax: integer(env, 'BRIDGE_QUEUE_MAX', 10000, 1, 10_000_000),
    maxSkewSeconds: integer(env, 'BRIDGE_MAX_SKEW_SECONDS', 300, 0, 86400),
    sendIntervalMs: integer(env, 'BRIDGE_SEND_INTERVAL_MS', 2000, 0, 600_000),
    sendMaxWaitMs: integer(env, 'BRIDGE_SEND_MAX_WAIT_MS', 8000, 0, 600_000),
    retryMinMs: integer(env, 'BRIDGE_RETRY_MIN_MS', 500, 1, 600_000),
    retryMaxMs: integer(env, 'BRIDGE_RETRY_MAX_MS', 60_000, 1, 3_600_000),
  })
}

/**
 * BRIDGE_ROOMS: the rooms to serve, separated by commas or new lines, each a room id
 * (`…@chatroom`) or a topic (the group's name); `*` serves every room the account is in.
 * Required: serving every room by accident would send strangers' chatter to tuangou.
 *
 * @returns {RoomFilter}
 */
export function parseRooms (value) {
  const entries = value.split(/[,\n]/).map(s => s.trim()).filter(Boolean)
  if (entries.length === 0) {
    throw new ConfigError('BRIDGE_ROOMS must name the rooms to serve (ids or topics, comma-separated), or * for all')
  }
  return Object.freeze({ all: entries.includes('*'), entries: Object.freeze(entries.filter(e => e !== '*')) })
}

/** Whether a room with this id and topic is served. */
export function serves (rooms, roomId, topic) {
  return rooms.all || rooms.entries.includes(roomId) || (topic !== undefined && rooms.entries.includes(topic))
}

function integer (env, key, fallback, min, max) {
  const raw = (env[key] ?? '').trim()
  if (raw === '') {
    return fallback
  }
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${key} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return n
}
