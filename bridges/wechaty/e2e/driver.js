#!/usr/bin/env node
/**
 * The bridge on a mocked WeChat, for tuangou's end-to-end test (bot's WechatyBridgeTest): the real
 * bridge code with wechaty-puppet-mock as its puppet, configured from the same environment as
 * the real program, plus a small control API on 127.0.0.1 through which the test plays the
 * residents and reads the room:
 *
 *   POST /contacts {id, name}                          a WeChat user
 *   POST /rooms    {id, topic, members, aliases}       a group with the bot and these members
 *   POST /say      {from, room, text, mentions?}       → {msgId}
 *   GET  /sent                                         what the bot said: [{conversationId, text, mentionIds}]
 *   GET  /rooms/{id}/messages                          the room's whole conversation
 *
 * When ready it prints one line `E2E-READY {"sendUrl", "controlUrl"}`; it stops on SIGTERM.
 */
import http from 'node:http'
import { once } from 'node:events'
import { loadConfig } from '../src/config.js'
import { log } from '../src/log.js'
import { startBridge } from '../src/bridge.js'
import { MockWorld } from '../test/support/mock-world.js'

const config = loadConfig({ BRIDGE_PORT: '0', ...process.env })
const world = new MockWorld()
const bridge = await startBridge({ config, log, puppet: world.puppet, keepSession: false })
world.login()
const contacts = new Map()
const rooms = new Map()

const routes = {
  'POST /contacts': ({ id, name }) => {
    contacts.set(id, world.contact(id, name))
    return { id }
  },
  'POST /rooms': ({ id, topic, members, aliases }) => {
    rooms.set(id, world.room(id, topic, members.map(m => contacts.get(m)), aliases ?? {}))
    return { id }
  },
  'POST /say': ({ from, room, text, mentions }) => {
    const msgId = world.say(contacts.get(from), rooms.get(room), text, (mentions ?? []).map(m => contacts.get(m)))
    return { msgId }
  },
  'GET /sent': () => world.puppet.sent,
}

const control = http.createServer(async (req, res) => {
  const chunks = []
  for await (const chunk of req) {
    chunks.push(chunk)
  }
  const url = new URL(req.url, 'http://driver')
  const messages = /^\/rooms\/([^/]+)\/messages$/.exec(url.pathname)
  const route = messages && req.method === 'GET'
    ? () => world.transcript(decodeURIComponent(messages[1]))
    : routes[`${req.method} ${url.pathname}`]
  try {
    if (!route) {
      throw Object.assign(new Error(`no route ${req.method} ${url.pathname}`), { status: 404 })
    }
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(await route(body)))
  } catch (e) {
    res.writeHead(e.status ?? 400, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify({ error: String(e.message ?? e) }))
  }
})
control.listen(0, '127.0.0.1')
await once(control, 'listening')
process.stdout.write(`E2E-READY ${JSON.stringify({ sendUrl: bridge.sendUrl, controlUrl: `http://127.0.0.1:${control.address().port}` })}\n`)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    control.close()
    await bridge.stop().catch(() => {})
    process.exit(0)
  })
}
