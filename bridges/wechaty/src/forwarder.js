import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { signedHeaders } from './signature.js'

/**
 * Answers that say the event itself is wrong, so that trying it again cannot help: it is set
 * aside in the dead-letter folder for a person to look at, and the queue moves on. Anything else
 * (tuangou down, 5xx, 401 from a wrong secret or clock, 404 while tuangou's bridge webhook is
 * off) is retried, because the fix is on the other side and the event must not be lost meanwhile.
 */
const HOPELESS = new Set([400, 413, 415, 422])

/**
 * Delivers queued events to tuangou's `/bridge/events`, oldest first and one at a time, so that a
 * room's messages arrive in the order they were said (tuangou interprets a group in arrival
 * order). A failed post is retried with exponential backoff and jitter, with the same body and
 * so the same msgId: tuangou's inbox takes a repeat as a duplicate. Each try is signed afresh,
 * so an event that waited out a long outage still falls within tuangou's timestamp window.
 */
export class Forwarder {
  #queue
  #url
  #secret
  #retryMinMs
  #retryMaxMs
  #timeoutMs
  #deadDir
  #log
  #running = false
  #loop = Promise.resolve()
  /** set by every submit, so that one that lands while the loop finds the queue empty is not missed */
  #kicked = false
  #resolveWait = () => {}
  #abort = new AbortController()
  #failures = 0

  /**
   * @param {object} o
   * @param {import('./disk-queue.js').DiskQueue} o.queue
   * @param {string} o.url tuangou's /bridge/events
   * @param {string} o.secret
   * @param {number} o.retryMinMs
   * @param {number} o.retryMaxMs
   * @param {string} o.deadDir where hopeless events are kept
   * @param {import('./log.js').Log} o.log
   * @param {number} [o.timeoutMs] one try's limit
   */
  constructor ({ queue, url, secret, retryMinMs, retryMaxMs, deadDir, log, timeoutMs = 10_000 }) {
    this.#queue = queue
    this.#url = url
    this.#secret = secret
    this.#retryMinMs = retryMinMs
    this.#retryMaxMs = retryMaxMs
    this.#deadDir = deadDir
    this.#log = log
    this.#timeoutMs = timeoutMs
  }

  /** Events accepted but not yet taken by tuangou. */
  get backlog () {
    return this.#queue.size
  }

  start () {
    this.#running = true
    this.#loop = this.#run()
  }

  /** Stops after the current try (cut short); what is still queued stays on disk for the next start. */
  async stop () {
    this.#running = false
    this.#abort.abort()
    this.#wake()
    await this.#loop
  }

  /** Queues `event` durably and wakes the delivery; false when the queue is full and it was dropped. */
  async submit (event) {
    const stored = await this.#queue.push(event)
    if (!stored) {
      // the whole event goes to the log, the one place left where an operator can still find it
      this.#log.error(`queue full (${this.#queue.size} events waiting for tuangou): dropped ${JSON.stringify(event)}`)
    }
    this.#wake()
    return stored
  }

  #wake () {
    this.#kicked = true
    this.#resolveWait()
  }

  async #run () {
    while (this.#running) {
      this.#kicked = false
      const next = await this.#queue.peek()
      if (!next) {
        if (!this.#kicked && this.#running) {
          await new Promise(resolve => { this.#resolveWait = resolve })
        }
        continue
      }
      const outcome = await this.#post(next.item)
      if (outcome.ok) {
        if (this.#failures > 0) {
          this.#log.info(`tuangou takes events again after ${this.#failures} failed tries; ${this.#queue.size - 1} still queued`)
        }
        this.#failures = 0
        await this.#queue.remove(next.key)
      } else if (HOPELESS.has(outcome.status)) {
        this.#log.error(`tuangou refused event ${next.item.msgId} for good (${outcome.reason}); kept in ${this.#deadDir}`)
        await this.#setAside(next.key, next.item, outcome.reason)
        await this.#queue.remove(next.key)
      } else if (this.#running) {
        this.#failures++
        const wait = this.#backoff(this.#failures)
        this.#log.warn(`posting event ${next.item.msgId} failed (${outcome.reason}), try ${this.#failures}; ` +
          `${this.#queue.size} queued; next try in ${wait} ms`)
        await this.#sleep(wait)
      }
    }
  }

  /** @returns {Promise<{ok: boolean, status?: number, reason?: string}>} */
  async #post (event) {
    const body = JSON.stringify(event)
    try {
      const response = await fetch(this.#url, {
        method: 'POST',
        headers: signedHeaders(this.#secret, body),
        body,
        signal: AbortSignal.any([this.#abort.signal, AbortSignal.timeout(this.#timeoutMs)]),
      })
      const text = await response.text()
      return response.ok ? { ok: true } : { ok: false, status: response.status, reason: `${response.status} ${text.slice(0, 200)}` }
    } catch (e) {
      return { ok: false, reason: e.cause?.code ?? e.name ?? String(e) }
    }
  }

  /** Exponential from retryMinMs, capped at retryMaxMs, with up to half taken off at random so that many bridges do not retry in step. */
  #backoff (failures) {
    const full = Math.min(this.#retryMaxMs, this.#retryMinMs * 2 ** Math.min(failures - 1, 30))
    return Math.round(full / 2 + Math.random() * full / 2)
  }

  #sleep (ms) {
    return new Promise(resolve => {
      const timer = setTimeout(resolve, ms)
      this.#abort.signal.addEventListener('abort', () => { clearTimeout(timer); resolve() }, { once: true })
    })
  }

  async #setAside (key, item, reason) {
    await mkdir(this.#deadDir, { recursive: true })
    await writeFile(path.join(this.#deadDir, key), JSON.stringify({ reason, event: item }, null, 2))
  }
}
