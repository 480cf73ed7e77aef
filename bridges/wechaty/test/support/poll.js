/** Waits until `check` returns a truthy value (which it returns), polling; fails after `timeoutMs`. */
export async function until (check, { timeoutMs = 5000, everyMs = 20, what = 'the condition' } = {}) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    }
    await new Promise(resolve => setTimeout(resolve, everyMs))
  }
}

/** Holds for `forMs` that `check` stays truthy (to show something did not happen). */
export async function stays (check, { forMs = 300, everyMs = 20, what = 'the condition' } = {}) {
  const end = Date.now() + forMs
  while (Date.now() < end) {
    if (!(await check())) {
      throw new Error(`${what} stopped holding`)
    }
    await new Promise(resolve => setTimeout(resolve, everyMs))
  }
}
