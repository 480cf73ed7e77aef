import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'

const PATTERN = /^(\d{16})\.json$/

/**
 * A first-in first-out queue of JSON items kept as one file each in a directory, so that what was
 * accepted survives a crash or a restart. Each item is written to a temporary file, flushed to disk
 * and renamed into place: a reader never sees half an item. Bounded: past `max` items, `push`
 * refuses rather than filling the disk.
 *
 * Files are named by a sequence number that goes on from the highest one found at open, so the
 * order of the names is the order of arrival, across restarts too.
 */
export class DiskQueue {
  /** @type {string[]} file names, oldest first */
  #names
  #next
  #dir
  #max
  #onUnreadable
  /** pushes one at a time, so that names are added in the order of their numbers */
  #writing = Promise.resolve()

  constructor (dir, max, names, next, onUnreadable) {
    this.#dir = dir
    this.#max = max
    this.#names = names
    this.#next = next
    this.#onUnreadable = onUnreadable
  }

  /**
   * Opens (creating if needed) the queue in `dir`; half-written items of a crash are removed.
   *
   * @param {string} dir
   * @param {{max: number, onUnreadable?: (file: string, error: Error) => void}} options
   */
  static async open (dir, { max, onUnreadable = () => {} }) {
    await mkdir(dir, { recursive: true })
    const files = await readdir(dir)
    await Promise.all(files.filter(f => f.endsWith('.tmp')).map(f => rm(path.join(dir, f), { force: true })))
    const names = files.filter(f => PATTERN.test(f)).sort()
    const last = names.length ? Number(PATTERN.exec(names[names.length - 1])[1]) : 0
    return new DiskQueue(dir, max, names, last + 1, onUnreadable)
  }

  get size () {
    return this.#names.length
  }

  get dir () {
    return this.#dir
  }

  /** Stores `item` durably; false (nothing stored) when the queue is full. */
  push (item) {
    const done = this.#writing.then(() => this.#write(item))
    this.#writing = done.catch(() => {})
    return done
  }

  async #write (item) {
    if (this.#names.length >= this.#max) {
      return false
    }
    const name = String(this.#next++).padStart(16, '0') + '.json'
    const file = path.join(this.#dir, name)
    const handle = await open(file + '.tmp', 'w')
    try {
      await handle.writeFile(JSON.stringify(item))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(file + '.tmp', file)
    this.#names.push(name)
    return true
  }

  /**
   * The oldest item with its key, or undefined when empty. An item that cannot be read back (a
   * disk fault) is moved aside as `*.bad`, reported, and skipped, so that it does not block the rest.
   *
   * @returns {Promise<{key: string, item: any} | undefined>}
   */
  async peek () {
    while (this.#names.length > 0) {
      const name = this.#names[0]
      const file = path.join(this.#dir, name)
      try {
        return { key: name, item: JSON.parse(await readFile(file, 'utf8')) }
      } catch (e) {
        this.#names.shift()
        await rename(file, file + '.bad').catch(() => {})
        this.#onUnreadable(file, e)
      }
    }
    return undefined
  }

  /** Removes the item `key` (as given by peek) once it has been delivered. */
  async remove (key) {
    await rm(path.join(this.#dir, key), { force: true })
    if (this.#names[0] === key) {
      this.#names.shift()
    } else {
      this.#names = this.#names.filter(n => n !== key)
    }
  }
}
