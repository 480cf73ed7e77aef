import { types } from 'wechaty'
import { readGroupNote } from './group-note.js'

/** WeChat's app-message type of its own 接龙, as tuangou's protocol names it. */
export const GROUP_NOTE_APP_TYPE = 53

/** The message types tuangou reads; pictures, voice, stickers and the like are not sent in. */
export function isForwarded (message) {
  const type = message.type()
  return type === types.Message.Text || type === types.Message.GroupNote
}

/**
 * A room message as tuangou's `/bridge/events` body: `{msgId, ts, roomId, senderId, senderName,
 * text, mentions, isSelf, appType?, raw?}`. senderName is the sender's name in this room (群昵称)
 * when they set one, since that is what residents see and what the bot's replies @; otherwise the
 * WeChat name. ts is unix seconds.
 *
 * @param {import('wechaty').Message} message
 * @param {import('wechaty').Room} room
 * @param {(id: string) => Promise<unknown>} rawPayload the puppet's own payload of a message
 */
export async function eventOf (message, room, rawPayload) {
  const talker = message.talker()
  const alias = await room.alias(talker).catch(() => undefined)
  const mentions = await message.mentionList().catch(() => [])
  const event = {
    msgId: message.id,
    ts: Math.floor(message.date().getTime() / 1000),
    roomId: room.id,
    senderId: talker.id,
    senderName: alias || talker.name(),
    text: message.text(),
    mentions: mentions.map(c => c.id),
    isSelf: message.self(),
  }
  if (message.type() !== types.Message.GroupNote) {
    return event
  }
  const note = readGroupNote(event.text, await rawPayload(message.id).catch(() => undefined))
  return { ...event, text: note.text, appType: GROUP_NOTE_APP_TYPE, ...(note.raw ? { raw: note.raw } : {}) }
}
