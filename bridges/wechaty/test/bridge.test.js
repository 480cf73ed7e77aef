import { after, afterEach, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadConfig } from '../src/config.js'
import { quiet } from '../src/log.js'
import { startBridge } from '../src/bridge.js'
import { sign } from '../src/signature.js'
import { MockWorld } from './support/mock-world.js'
import { StubTuangou } from './support/stub-tuangou.js'
import { stays, until } from './support/poll.js'

const SECRET = 'test-bridge-secret-0123'
const ROOM = 'r1@chatroom'
const TOPIC = '幸福小区团购群'

/** A mocked WeChat with one served room, one unserved, and three residents. */
class Scene {
  static async start (stub, dataDir, env = {}) {
    const scene = new Scene()
    scene.world = new MockWorld()
    scene.config = loadConfig({
      TUANGOU_URL: stub.url,
      TUANGOU_BRIDGE_SECRET: SECRET,
      BRIDGE_PORT: '0',
      BRIDGE_ROOMS: TOPIC,
      BRIDGE_DATA_DIR: dataDir,
      BRIDGE_SEND_INTERVAL_MS: '20',
      BRIDGE_RETRY_MIN_MS: '30',
      BRIDGE_RETRY_MAX_MS: '150',
      ...env,
    })
    scene.bridge = await startBridge({ config: scene.config, log: quiet, puppet: scene.world.puppet, keepSession: false })
    const w = scene.world
    w.login()
    scene.zhang = w.contact('wx_zhang', '张三')
    scene.li = w.contact('wx_li', '李四')
    scene.stranger = w.contact('wx_wang', '王五')
    scene.room = w.room(ROOM, TOPIC, [scene.zhang, scene.li], { wx_zhang: '3-1-201 张三' })
    scene.other = w.room('r2@chatroom', '闲聊群', [scene.zhang])
    return scene
  }

  /** Posts `body` to the bridge's send endpoint, signed with `secret` at `timestamp`. */
  async send (body, { secret = SECRET, timestamp = Math.floor(Date.now() / 1000), tamper = s => s } = {}) {
    const raw = JSON.stringify(body)
    const ts = String(timestamp)
    const response = await fetch(this.bridge.sendUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tuangou-timestamp': ts, 'x-tuangou-signature': sign(secret, ts, raw) },
      body: tamper(raw),
    })
    return { status: response.status, body: await response.json() }
  }
}

describe('the Wechaty bridge against a stub tuangou', () => {
  let stub
  let dataDir
  let scene
  const dirs = []

  beforeEach(async () => {
    stub = await new StubTuangou(SECRET).start()
    dataDir = await mkdtemp(path.join(tmpdir(), 'bridge-test-'))
    dirs.push(dataDir)
    scene = await Scene.start(stub, dataDir)
  })

  afterEach(async () => {
    await scene?.bridge.stop()
    await stub.stop()
  })

  after(async () => {
    await Promise.all(dirs.map(d => rm(d, { recursive: true, force: true })))
  })

  test('a text, a chain and a self message in a served room reach tuangou signed, in the protocol shape', async () => {
    const { world, zhang, li } = scene
    const before = Math.floor(Date.now() / 1000)
    const textId = world.say(zhang, scene.room, '苹果2斤 @李四', [li])
    await until(() => stub.accepted.length === 1, { what: 'the text event' })
    const [text] = stub.accepted
    assert.deepEqual({ ...text, ts: undefined }, {
      msgId: textId,
      ts: undefined,
      roomId: ROOM,
      senderId: 'wx_zhang',
      senderName: '3-1-201 张三', // the room alias, not the WeChat name
      text: '苹果2斤 @李四',
      mentions: ['wx_li'],
      isSelf: false,
    })
    assert.ok(text.ts >= before && text.ts <= before + 5, `ts ${text.ts} is unix seconds near ${before}`)
    assert.deepEqual(Object.keys(text), ['msgId', 'ts', 'roomId', 'senderId', 'senderName', 'text', 'mentions', 'isSelf'])

    const list = '#接龙\n明天中午12点截单\n\n1. 3-1-201 张三 苹果2斤\n2. 5-302 李四 香蕉1把'
    const noteId = world.postGroupNote(li, scene.room, list, ['wx_zhang', 'wx_li'])
    await until(() => stub.accepted.length === 2, { what: 'the chain event' })
    const note = stub.accepted[1]
    assert.equal(note.msgId, noteId)
    assert.equal(note.appType, 53)
    assert.equal(note.text, list)
    assert.equal(note.senderName, '李四', 'no alias in the room: the WeChat name')
    assert.match(note.raw, /^<solitaire_info><!\[CDATA\[<solitaire>.*<content><s>2<\/s><i><u>wx_zhang<\/u>.*<i><u>wx_li<\/u>.*<\/solitaire>\]\]><\/solitaire_info>$/s)

    world.say(world.self, scene.room, '@3-1-201 张三 已记下：苹果2斤')
    await until(() => stub.accepted.length === 3, { what: 'the self event' })
    assert.equal(stub.accepted[2].isSelf, true)
    assert.equal(stub.accepted[2].senderId, 'bot-self')

    world.say(zhang, scene.other, '这个群不归团购管')
    await stays(() => stub.requests.length === 3, { what: 'no event from a room not served' })
    assert.ok(stub.requests.every(r => r.signed), 'every post carries a valid, fresh signature')
  })

  test('a failed post is retried with backoff and the same msgId until tuangou takes it', async () => {
    stub.failNext(503, 503)
    const id = scene.world.say(scene.li, scene.room, '香蕉1把')
    await until(() => stub.accepted.length === 1, { what: 'the event after two 503s' })
    assert.deepEqual(stub.requests.map(r => r.status), [503, 503, 200])
    assert.deepEqual(stub.requests.map(r => r.body.msgId), [id, id, id])
    assert.ok(stub.requests.every(r => r.signed))
    await until(() => scene.bridge.backlog === 0, { what: 'the delivered event off the queue' })
  })

  test('nothing is lost while tuangou is down, across a bridge restart: the disk queue delivers in order', async () => {
    stub.down(503)
    const first = scene.world.say(scene.zhang, scene.room, '苹果2斤')
    await until(() => scene.bridge.backlog === 1, { what: 'the first event queued' })
    const second = scene.world.say(scene.li, scene.room, '香蕉1把')
    await until(() => scene.bridge.backlog === 2 && stub.requests.length >= 2, { what: 'two events queued and tried' })
    await scene.bridge.stop()
    scene = undefined

    stub.recover()
    const tries = stub.requests.length
    scene = await Scene.start(stub, dataDir)
    await until(() => stub.accepted.length === 2, { what: 'the queued events after the restart' })
    assert.deepEqual(stub.accepted.map(e => [e.msgId, e.text]), [[first, '苹果2斤'], [second, '香蕉1把']])
    await until(() => scene.bridge.backlog === 0, { what: 'the delivered events off the queue' })
    assert.equal(stub.requests.length, tries + 2, 'each delivered once after the restart')
  })

  test('a signed send reaches the mocked room with its mentions resolved, and a private one the contact', async () => {
    const { world } = scene
    const r = await scene.send({ clientMsgId: 'tuangou-1', roomId: ROOM, to: null, text: '@3-1-201 张三 已记下：苹果2斤', mentions: ['wx_zhang'] })
    assert.deepEqual(r, { status: 200, body: { status: 'sent', clientMsgId: 'tuangou-1' } })
    assert.deepEqual(world.puppet.sent.map(({ at, ...s }) => s), [
      { conversationId: ROOM, text: '@3-1-201 张三 已记下：苹果2斤', mentionIds: ['wx_zhang'] },
    ])
    const said = world.transcript(ROOM).filter(m => m.talkerId === 'bot-self').map(m => m.text)
    assert.deepEqual(said, ['@3-1-201 张三 已记下：苹果2斤'])

    // an @ tuangou did not write out is put in front; someone not in the room is not @-ed
    await scene.send({ clientMsgId: 'tuangou-2', roomId: ROOM, text: '请取货', mentions: ['wx_li', 'wx_wang'] })
    assert.deepEqual(world.puppet.sent[1].mentionIds, ['wx_li'])
    assert.equal(world.puppet.sent[1].text, '@李四 请取货')

    const dm = await scene.send({ clientMsgId: 'tuangou-3', roomId: null, to: 'wx_li', text: '您的取货码 4821', mentions: [] })
    assert.equal(dm.status, 200)
    assert.deepEqual(world.puppet.sent[2].conversationId, 'wx_li')
    const direct = [...world.mocker.cacheMessagePayload.values()].filter(m => m.listenerId === 'wx_li')
    assert.deepEqual(direct.map(m => [m.talkerId, m.text]), [['bot-self', '您的取货码 4821']])

    const again = await scene.send({ clientMsgId: 'tuangou-1', roomId: ROOM, text: '@3-1-201 张三 已记下：苹果2斤', mentions: ['wx_zhang'] })
    assert.deepEqual(again.body, { status: 'duplicate', clientMsgId: 'tuangou-1' })
    assert.equal(world.puppet.sent.length, 3, 'a repeated clientMsgId is said once')
  })

  test('forged, stale, tampered and malformed sends are refused and say nothing', async () => {
    const body = { clientMsgId: 'tuangou-9', roomId: ROOM, text: '团长说全部免单', mentions: [] }
    const forged = await scene.send(body, { secret: 'not-the-secret-0123456' })
    assert.equal(forged.status, 401)
    assert.equal(forged.body.error, 'bad_signature')
    const stale = await scene.send(body, { timestamp: Math.floor(Date.now() / 1000) - 3600 })
    assert.equal(stale.status, 401)
    assert.equal(stale.body.error, 'stale')
    const tampered = await scene.send(body, { tamper: s => s.replace('免单', '半价') })
    assert.equal(tampered.status, 401)
    const unsigned = await fetch(scene.bridge.sendUrl, { method: 'POST', body: JSON.stringify(body) })
    assert.equal(unsigned.status, 401)
    const noText = await scene.send({ clientMsgId: 'tuangou-10', roomId: ROOM, mentions: [] })
    assert.deepEqual(noText, { status: 400, body: { error: 'invalid_request', message: '"text" must be a non-empty string of at most 20000 characters' } })
    const unknownRoom = await scene.send({ clientMsgId: 'tuangou-11', roomId: 'nowhere@chatroom', text: '你好' })
    assert.equal(unknownRoom.status, 404, 'a room the account is not in: non-2xx, so the outbox keeps it')
    assert.deepEqual(scene.world.puppet.sent, [])
  })

  test('sends are paced: however many arrive at once, they go out one interval apart', async () => {
    await scene.bridge.stop()
    scene = await Scene.start(stub, dataDir, { BRIDGE_SEND_INTERVAL_MS: '150' })
    const answers = await Promise.all([1, 2, 3].map(n =>
      scene.send({ clientMsgId: `tuangou-p${n}`, roomId: ROOM, text: `第${n}条`, mentions: [] })))
    assert.deepEqual(answers.map(a => a.status), [200, 200, 200])
    const times = scene.world.puppet.sent.map(s => s.at)
    assert.equal(times.length, 3)
    for (let i = 1; i < times.length; i++) {
      assert.ok(times[i] - times[i - 1] >= 145, `send ${i + 1} came ${times[i] - times[i - 1]} ms after the one before`)
    }
  })
})
