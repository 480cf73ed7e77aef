import { createHmac } from 'node:crypto'
import http from 'node:http'
import { once } from 'node:events'

/**
 * A scripted tuangou for the bridge's tests: it takes `POST /bridge/events`, checks the signature
 * with its own HMAC (not the bridge's code, so that a shared mistake cannot pass) and the
 * timestamp, records every request, and answers from a script (`failNext`) or 200.
 */
export class StubTuangou {
  /** @type {{body: any, raw: string, timestamp: string, signed: boolean, status: number}[]} */
  requests = []
  #script = []
  #down

  constructor (secret) {
    this.secret = secret
    this.server = http.createServer((req, res) => {
      const chunks = []
      req.on('data', c => chunks.push(c))
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const timestamp = req.headers['x-tuangou-timestamp']
        const expected = 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${raw}`, 'utf8').digest('hex')
        const signed = req.headers['x-tuangou-signature'] === expected &&
          Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300
        const status = req.url !== '/bridge/events' ? 404 : !signed ? 401 : (this.#script.shift() ?? this.#down ?? 200)
        this.requests.push({ body: safeJson(raw), raw, timestamp, signed, status })
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(status === 200 ? '{"status":"stored"}' : '{"error":"unavailable","message":"scripted"}')
      })
    })
  }

  async start () {
    this.server.listen(0, '127.0.0.1')
    await once(this.server, 'listening')
    this.url = `http://127.0.0.1:${this.server.address().port}`
    return this
  }

  /** The next answers, in order (e.g. 503, 503); after them, 200 again. */
  failNext (...statuses) {
    this.#script.push(...statuses)
  }

  /** Answers every request with `status` until `recover`. */
  down (status = 503) {
    this.#down = status
  }

  recover () {
    this.#script = []
    this.#down = undefined
  }

  /** The events tuangou took (answered 200), in order. */
  get accepted () {
    return this.requests.filter(r => r.status === 200).map(r => r.body)
  }

  async stop () {
    this.server.closeAllConnections()
    this.server.close()
  }
}

function safeJson (raw) {
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}
