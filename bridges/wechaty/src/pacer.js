/** The pacer would keep a send waiting longer than allowed: refuse it now, tuangou retries it later. */
export class PacerBusy extends Error {}

/**
 * Runs sends one at a time, each starting at least `intervalMs` after the one before, so that the
 * account never bursts however many sends arrive at once (tuangou paces too; this holds even
 * when several tuangou instances or a backlog after an outage send together). A send that would
 * wait more than `maxWaitMs` in line is refused at once: its HTTP request would time out on
 * tuangou's side anyway, and the outbox's retry comes back later.
 */
export class Pacer {
  #intervalMs
  #maxWaitMs
  #tail = Promise.resolve()
  #waiting = 0
  #lastStart = -Infinity

  constructor ({ intervalMs, maxWaitMs }) {
    this.#intervalMs = intervalMs
    this.#maxWaitMs = maxWaitMs
  }

  /**
   * @template T
   * @param {() => Promise<T>} send
   * @returns {Promise<T>}
   */
  run (send) {
    const expectedWait = this.#waiting * this.#intervalMs + Math.max(0, this.#lastStart + this.#intervalMs - Date.now())
    if (expectedWait > this.#maxWaitMs) {
      return Promise.reject(new PacerBusy(`${this.#waiting} sends ahead, about ${expectedWait} ms to wait`))
    }
    this.#waiting++
    const result = this.#tail.then(async () => {
      const wait = this.#lastStart + this.#intervalMs - Date.now()
      if (wait > 0) {
        await new Promise(resolve => setTimeout(resolve, wait))
      }
      this.#lastStart = Date.now()
      this.#waiting--
      return send()
    })
    this.#tail = result.catch(() => {})
    return result
  }
}
