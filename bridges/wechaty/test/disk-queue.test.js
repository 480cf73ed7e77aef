import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DiskQueue } from '../src/disk-queue.js'

async function withDir (fn) {
  const dir = await mkdtemp(path.join(tmpdir(), 'queue-test-'))
  try {
    await fn(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

test('items come back oldest first, and after a reopen in the same order, new ones after them', () => withDir(async dir => {
  const q = await DiskQueue.open(dir, { max: 10 })
  await Promise.all(['a', 'b', 'c'].map(msgId => q.push({ msgId })))
  const head = await q.peek()
  assert.equal(head.item.msgId, 'a')
  await q.remove(head.key)

  const reopened = await DiskQueue.open(dir, { max: 10 })
  assert.equal(reopened.size, 2)
  await reopened.push({ msgId: 'd' })
  const seen = []
  for (let next = await reopened.peek(); next; next = await reopened.peek()) {
    seen.push(next.item.msgId)
    await reopened.remove(next.key)
  }
  assert.deepEqual(seen, ['b', 'c', 'd'])
  assert.deepEqual(await readdir(dir), [])
}))

test('a full queue refuses a push and keeps what it has', () => withDir(async dir => {
  const q = await DiskQueue.open(dir, { max: 2 })
  assert.equal(await q.push({ n: 1 }), true)
  assert.equal(await q.push({ n: 2 }), true)
  assert.equal(await q.push({ n: 3 }), false)
  assert.equal(q.size, 2)
  assert.equal((await readdir(dir)).length, 2)
}))

test('a half-written item of a crash is removed at open; an unreadable one is set aside, not blocking', () => withDir(async dir => {
  await writeFile(path.join(dir, '0000000000000001.json'), '{"msgId":')
  await writeFile(path.join(dir, '0000000000000002.json'), '{"msgId":"ok"}')
  await writeFile(path.join(dir, '0000000000000003.json.tmp'), '{"msg')
  const unreadable = []
  const q = await DiskQueue.open(dir, { max: 10, onUnreadable: file => unreadable.push(path.basename(file)) })
  assert.equal(q.size, 2)
  assert.equal((await q.peek()).item.msgId, 'ok')
  assert.deepEqual(unreadable, ['0000000000000001.json'])
  assert.deepEqual((await readdir(dir)).sort(), ['0000000000000001.json.bad', '0000000000000002.json'])
  await q.push({ msgId: 'next' })
  assert.ok((await readdir(dir)).includes('0000000000000003.json'), 'numbering goes on after the highest name')
}))
