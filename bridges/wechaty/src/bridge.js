import path from 'node:path'
import { once } from 'node:events'
import { WechatyBuilder, types } from 'wechaty'
import { serves } from './config.js'
import { DiskQueue } from './disk-queue.js'
import { eventOf, isForwarded } from './events.js'
import { Forwarder } from './forwarder.js'
import { Pacer } from './pacer.js'
import { createSendServer, SendError } from './send-server.js'

/** Between two @names, as WeChat's own client separates them. */
const MENTION_SEPARATOR = '\u2005'

/**
 * The bridge: Wechaty on one side, tuangou's signed protocol on the other. Room messages from
 * the rooms served go through a disk queue to tuangou; tuangou's sends come in on an HTTP
 * endpoint and are said in WeChat one at a time.
 *
 * @param {object} o
 * @param {Readonly<import('./config.js').Config>} o.config
 * @param {import('./log.js').Log} o.log
 * @param {import('wechaty-puppet').Puppet} [o.puppet] a puppet instance (tests); otherwise
 *   config.puppet is loaded by name with config.puppetToken
 * @param {boolean} [o.keepSession] keep the login in `<dataDir>/<name>.memory-card.json` (default true)
 */
export async function startBridge ({ config, log, puppet, keepSession = true }) {
  const queue = await DiskQueue.open(path.join(config.dataDir, 'queue'), {
    max: config.queueMax,
    onUnreadable: (file, e) => log.error(`queue item ${file} is unreadable (${e.message}); set aside as .bad`),
  })
  if (queue.size > 0) {
    log.info(`${queue.size} events from before the restart are still to be delivered`)
  }
  const forwarder = new Forwarder({
    queue,
    url: config.eventsUrl,
    secret: config.secret,
    retryMinMs: config.retryMinMs,
    retryMaxMs: config.retryMaxMs,
    deadDir: path.join(config.dataDir, 'dead'),
    log,
  })
  forwarder.start()

  const bot = WechatyBuilder.build({
    name: keepSession ? path.join(config.dataDir, config.name) : undefined,
    puppet: puppet ?? config.puppet,
    puppetOptions: puppet ? undefined : { token: config.puppetToken },
  })
  bot.on('scan', (qrcode, status) => {
    if (status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout) {
      log.info(`scan this QR code with the bot's WeChat to log in: ${qrcode}`)
      log.info(`  (as a picture: https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)})`)
    } else {
      log.info(`login QR code: ${types.ScanStatus[status]}`)
    }
  })
  bot.on('login', user => log.info(`logged in as ${user.name()} (${user.id})`))
  bot.on('logout', user => log.warn(`logged out: ${user.name()} (${user.id}); sends fail until the next login`))
  bot.on('ready', () => describeRooms(bot, config.rooms, log).catch(e => log.warn(`listing rooms: ${e.message}`)))
  bot.on('error', e => log.error(`wechaty: ${e?.message ?? e}`))

  // one message at a time, so that the queue holds them in the order Wechaty gave them
  let intake = Promise.resolve()
  bot.on('message', message => {
    intake = intake.then(() => take(message)).catch(e => log.error(`message ${message.id}: ${e?.stack ?? e}`))
  })

  async function take (message) {
    const room = message.room()
    if (!room || !isForwarded(message)) {
      return
    }
    if (!serves(config.rooms, room.id, await room.topic().catch(() => undefined))) {
      return
    }
    const event = await eventOf(message, room, id => bot.puppet.messageRawPayload(id))
    await forwarder.submit(event)
  }

  const pacer = new Pacer({ intervalMs: config.sendIntervalMs, maxWaitMs: config.sendMaxWaitMs })
  const server = createSendServer({
    secret: config.secret,
    maxSkewSeconds: config.maxSkewSeconds,
    deliver: send => deliver(bot, pacer, send, log),
    health: () => ({ loggedIn: bot.isLoggedIn, backlog: forwarder.backlog }),
    log,
  })
  server.listen(config.port, config.host)
  await once(server, 'listening')
  const port = server.address().port
  log.info(`tuangou's sends are taken at http://${config.host}:${port}/send; events go to ${config.eventsUrl}`)

  await bot.start()

  return {
    bot,
    port,
    sendUrl: `http://${config.host}:${port}/send`,
    get backlog () { return forwarder.backlog },
    async stop () {
      server.close()
      server.closeAllConnections()
      await forwarder.stop()
      await intake
      await bot.stop()
    },
  }
}

/**
 * Says one send from tuangou. In a room, the contacts to @ are looked up and passed to WeChat as
 * real mentions; tuangou's text already starts with their @names, and an @name it lacks is put in
 * front. A private send goes to the contact. Throws SendError for what cannot be sent.
 */
async function deliver (bot, pacer, send, log) {
  if (!bot.isLoggedIn) {
    throw new SendError(503, 'not_logged_in', 'the WeChat account is not logged in')
  }
  if (!send.roomId) {
    const contact = await ready(bot.Contact.load(send.to))
    if (!contact) {
      throw new SendError(404, 'unknown_contact', `no contact ${send.to}`)
    }
    await pacer.run(() => contact.say(send.text))
    return
  }
  const room = await ready(bot.Room.load(send.roomId))
  if (!room) {
    throw new SendError(404, 'unknown_room', `the account is not in room ${send.roomId}`)
  }
  const mentioned = []
  const labels = []
  for (const id of send.mentions) {
    const contact = await ready(bot.Contact.load(id))
    if (!contact || !(await room.has(contact))) {
      log.warn(`send ${send.clientMsgId}: ${id} is not in room ${room.id}; said without that mention`)
      continue
    }
    mentioned.push(contact.id)
    const label = '@' + ((await room.alias(contact).catch(() => undefined)) || contact.name())
    if (!send.text.includes(label)) {
      labels.push(label)
    }
  }
  const text = labels.length ? labels.join(MENTION_SEPARATOR) + ' ' + send.text : send.text
  await pacer.run(() => bot.puppet.messageSendText(room.id, text, mentioned))
}

/** The contact or room with its payload loaded, or undefined when the puppet knows no such id. */
async function ready (thing) {
  try {
    await thing.ready()
    return thing
  } catch {
    return undefined
  }
}

/** Logs the id of each room served: tuangou's group must be registered with that id as chatId. */
async function describeRooms (bot, rooms, log) {
  if (rooms.all) {
    log.info('serving every room the account is in')
  }
  for (const entry of rooms.entries) {
    const room = entry.endsWith('@chatroom')
      ? await ready(bot.Room.load(entry))
      : await bot.Room.find({ topic: entry })
    if (room) {
      log.info(`serving room "${await room.topic()}": register it in tuangou with chatId ${room.id}`)
    } else {
      log.warn(`no room "${entry}" found yet; its messages are served once the account is in it`)
    }
  }
}
