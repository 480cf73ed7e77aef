import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, loadConfig, serves } from '../src/config.js'

const BASE = { TUANGOU_URL: 'http://127.0.0.1:8080/', TUANGOU_BRIDGE_SECRET: 'test-bridge-secret-0123', BRIDGE_ROOMS: '幸福小区团购群, 9876@chatroom' }

test('defaults: wechat4u, the events URL under TUANGOU_URL, pacing of 2 s, a local send endpoint', () => {
  const c = loadConfig(BASE)
  assert.equal(c.puppet, 'wechaty-puppet-wechat4u')
  assert.equal(c.eventsUrl, 'http://127.0.0.1:8080/bridge/events')
  assert.equal(c.host, '127.0.0.1')
  assert.equal(c.port, 8788)
  assert.equal(c.sendIntervalMs, 2000)
  assert.equal(c.maxSkewSeconds, 300)
  assert.deepEqual(c.rooms, { all: false, entries: ['幸福小区团购群', '9876@chatroom'] })
  assert.ok(Object.isFrozen(c))
})

test('rooms are matched by id or by topic; * serves all', () => {
  const { rooms } = loadConfig(BASE)
  assert.ok(serves(rooms, '9876@chatroom', '别的名字'))
  assert.ok(serves(rooms, '1@chatroom', '幸福小区团购群'))
  assert.ok(!serves(rooms, '1@chatroom', '闲聊群'))
  assert.ok(serves(loadConfig({ ...BASE, BRIDGE_ROOMS: '*' }).rooms, 'x@chatroom', 'y'))
})

test('a bad setting stops the start with a message naming its variable', () => {
  const cases = {
    TUANGOU_URL: { ...BASE, TUANGOU_URL: '' },
    TUANGOU_BRIDGE_SECRET: { ...BASE, TUANGOU_BRIDGE_SECRET: 'short' },
    BRIDGE_ROOMS: { ...BASE, BRIDGE_ROOMS: ' , ' },
    BRIDGE_PORT: { ...BASE, BRIDGE_PORT: '70000' },
    BRIDGE_SEND_INTERVAL_MS: { ...BASE, BRIDGE_SEND_INTERVAL_MS: 'fast' },
  }
  for (const [name, env] of Object.entries(cases)) {
    assert.throws(() => loadConfig(env), e => e instanceof ConfigError && e.message.includes(name), name)
  }
})
