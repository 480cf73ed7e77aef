import http from 'node:http'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verify, withinWindow } from './signature.js'
import { PacerBusy } from './pacer.js'

/** A send that cannot be done, with the HTTP status that tells tuangou so (any non-2xx is retried). */
export class SendError extends Error {
  constructor (status, code, message) {
    super(message)
    this.status = status
    this.code = code
  }
}

const MAX_BODY = 64 * 1024
const MAX_TEXT = 20_000
/** clientMsgIds remembered, so that a send whose answer tuangou missed is not said twice */
const REMEMBERED = 5000

/**
 * @typedef {object} Send one validated send from tuangou
 * @property {string} clientMsgId
 * @property {string | undefined} roomId  a room message…
 * @property {string | undefined} to      …or a private one to this contact
 * @property {string} text
 * @property {string[]} mentions          contact ids to @ in the room
 */

/**
 * The endpoint tuangou posts its sends to (`TUANGOU_BRIDGE_SEND_URL`, path `/send`): the
 * timestamp window and the signature are checked before the body is read as JSON, exactly as
 * tuangou checks the bridge's events, and a refused request changes nothing. The answer comes
 * once the message has been handed to WeChat, so that a failure is a non-2xx that tuangou's
 * outbox retries. `GET /health` says whether the account is logged in and how many events wait.
 *
 * @param {object} o
 * @param {string} o.secret
 * @param {number} o.maxSkewSeconds
 * @param {(send: Send) => Promise<void>} o.deliver
 * @param {() => object} o.health
 * @param {import('./log.js').Log} o.log
 */
export function createSendServer ({ secret, maxSkewSeconds, deliver, health, log }) {
  /** @type {Map<string, Promise<void>>} */
  const recent = new Map()

  async function handle (req, res) {
    const url = new URL(req.url, 'http://bridge')
    if (req.method === 'GET' && url.pathname === '/health') {
      return answer(res, 200, { status: 'UP', ...health() })
    }
    if (url.pathname !== '/send') {
      return refuse(res, 404, 'not_found', 'POST /send or GET /health')
    }
    if (req.method !== 'POST') {
      return refuse(res, 405, 'method_not_allowed', 'POST /send')
    }
    const body = await readBody(req)
    if (body === undefined) {
      return refuse(res, 413, 'too_large', `the body is over ${MAX_BODY} bytes`)
    }
    const timestamp = req.headers[TIMESTAMP_HEADER]
    if (!withinWindow(timestamp, maxSkewSeconds)) {
      log.warn(`refused a send: timestamp ${timestamp} missing or outside ${maxSkewSeconds} s`)
      return refuse(res, 401, 'stale', 'the timestamp is missing or outside the allowed window')
    }
    if (!verify(secret, timestamp, body, req.headers[SIGNATURE_HEADER])) {
      log.warn('refused a send: the signature does not match')
      return refuse(res, 401, 'bad_signature', 'the signature does not match')
    }
    let send
    try {
      send = parseSend(body.toString('utf8'))
    } catch (e) {
      return refuse(res, 400, e.code ?? 'invalid_request', e.message)
    }
    const earlier = recent.get(send.clientMsgId)
    if (earlier) {
      // the same send again: tuangou retried one it did not hear back from; say it once
      const said = await earlier.then(() => true, () => false)
      return said
        ? answer(res, 200, { status: 'duplicate', clientMsgId: send.clientMsgId })
        : refuse(res, 502, 'send_failed', 'the same send failed a moment ago')
    }
    const sending = deliver(send)
    remember(send.clientMsgId, sending)
    try {
      await sending
      return answer(res, 200, { status: 'sent', clientMsgId: send.clientMsgId })
    } catch (e) {
      recent.delete(send.clientMsgId)
      if (e instanceof PacerBusy) {
        res.setHeader('retry-after', '5')
        return refuse(res, 429, 'busy', e.message)
      }
      if (e instanceof SendError) {
        log.warn(`send ${send.clientMsgId} refused: ${e.code} ${e.message}`)
        return refuse(res, e.status, e.code, e.message)
      }
      log.error(`send ${send.clientMsgId} failed: ${e?.stack ?? e}`)
      return refuse(res, 502, 'send_failed', String(e?.message ?? e))
    }
  }

  function remember (id, sending) {
    recent.set(id, sending)
    if (recent.size > REMEMBERED) {
      recent.delete(recent.keys().next().value)
    }
  }

  return http.createServer((req, res) => {
    handle(req, res).catch(e => {
      log.error(`send endpoint: ${e?.stack ?? e}`)
      if (!res.headersSent) {
        refuse(res, 500, 'internal', 'the bridge failed; see its log')
      }
    })
  })
}

/**
 * tuangou's send body, `{"clientMsgId", "roomId", "to", "text", "mentions"}`, checked; throws
 * an error whose message names the bad field.
 *
 * @returns {Send}
 */
export function parseSend (json) {
  let body
  try {
    body = JSON.parse(json)
  } catch {
    throw Object.assign(new Error('the body is not JSON'), { code: 'invalid_json' })
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw Object.assign(new Error('the body is not a JSON object'), { code: 'invalid_json' })
  }
  const optional = field => {
    const v = body[field]
    if (v === undefined || v === null || v === '') {
      return undefined
    }
    if (typeof v !== 'string' || v.length > 200) {
      throw new Error(`"${field}" must be a string of at most 200 characters`)
    }
    return v
  }
  const clientMsgId = optional('clientMsgId')
  if (!clientMsgId) {
    throw new Error('"clientMsgId" is required')
  }
  const roomId = optional('roomId')
  const to = optional('to')
  if (!roomId && !to) {
    throw new Error('"roomId" or "to" is required')
  }
  if (typeof body.text !== 'string' || body.text.trim() === '' || body.text.length > MAX_TEXT) {
    throw new Error(`"text" must be a non-empty string of at most ${MAX_TEXT} characters`)
  }
  const mentions = body.mentions ?? []
  if (!Array.isArray(mentions) || !mentions.every(m => typeof m === 'string' && m !== '')) {
    throw new Error('"mentions" must be an array of contact ids')
  }
  return { clientMsgId, roomId, to: roomId ? undefined : to, text: body.text, mentions }
}

function readBody (req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on('data', chunk => {
      size += chunk.length
      if (size <= MAX_BODY) {
        chunks.push(chunk)
      }
    })
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function answer (res, status, json) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(json))
}

function refuse (res, status, code, message) {
  answer(res, status, { error: code, message })
}
