import { types } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'

/**
 * wechaty-puppet-mock with the two things the stock mock leaves out: room aliases (群昵称; its
 * room members have none) and a record of what the bot sends with which mentions (it drops the
 * mention list it is given). Everything else is the mock's own behaviour.
 */
export class RecordingPuppet extends PuppetMock {
  /** @type {Map<string, string>} `${roomId} ${contactId}` → alias in that room */
  roomAliases = new Map()
  /** @type {{conversationId: string, text: string, mentionIds: string[], at: number}[]} */
  sent = []

  async roomMemberRawPayload (roomId, contactId) {
    const payload = await super.roomMemberRawPayload(roomId, contactId)
    return { ...payload, roomAlias: this.roomAliases.get(`${roomId} ${contactId}`) }
  }

  async messageSendText (conversationId, text, mentionIds = []) {
    this.sent.push({ conversationId, text, mentionIds: [...mentionIds], at: Date.now() })
    return super.messageSendText(conversationId, text)
  }
}

/**
 * A mocked WeChat: the bot's account, residents, rooms, and the means to make residents speak.
 * One world per bridge start: a mock puppet can serve one Wechaty only.
 */
export class MockWorld {
  constructor () {
    this.mocker = new mock.Mocker()
    this.puppet = new RecordingPuppet({ mocker: this.mocker })
  }

  /** Logs the bot's account in (call after the bridge has started Wechaty). */
  login (id = 'bot-self', name = '团购小助手') {
    this.mocker.scan('mock-login-qrcode', types.ScanStatus.Waiting)
    this.self = this.mocker.createContact({ id, name })
    this.mocker.login(this.self)
    return this.self
  }

  contact (id, name) {
    return this.mocker.createContact({ id, name })
  }

  /** A room of the bot and `members`; aliases maps a member's id to their name in this room. */
  room (id, topic, members, aliases = {}) {
    const room = this.mocker.createRoom({ id, topic, memberIdList: [this.self.id, ...members.map(m => m.id)] })
    for (const [contactId, alias] of Object.entries(aliases)) {
      this.puppet.roomAliases.set(`${id} ${contactId}`, alias)
    }
    return room
  }

  /** `contact` says `text` in `room`, @-ing `mentions`; the message's id. */
  say (contact, room, text, mentions = []) {
    const before = new Set(this.mocker.cacheMessagePayload.keys())
    contact.say(text, mentions).to(room)
    return [...this.mocker.cacheMessagePayload.keys()].find(k => !before.has(k))
  }

  /**
   * `contact` posts WeChat's own 接龙 in `room`. The mock has no such message, so it is made the
   * way wechat4u reports one: type GroupNote, the list as text, the app-message XML in the raw
   * payload's `Content`.
   */
  postGroupNote (contact, room, listText, authorIds, id = `note-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`) {
    const entries = authorIds.map((u, i) => `<i><u>${u}</u><h>0</h><s>.</s><t>1700000000</t><r>${i}-1</r></i>`).join('')
    const content = `${contact.id}:\n<?xml version="1.0"?>\n<msg><appmsg appid="" sdkver="0">` +
      `<title>${escape(listText)}</title><des /><type>53</type><extinfo><solitaire_info><![CDATA[<solitaire>` +
      `<au>${authorIds[0]}</au><content><s>${authorIds.length}</s>${entries}</content></solitaire>]]></solitaire_info>` +
      '</extinfo></appmsg><fromusername>' + contact.id + '</fromusername></msg>'
    const message = this.mocker.MessageMock.create({
      id, talkerId: contact.id, roomId: room.id, timestamp: Date.now(), type: types.Message.GroupNote,
      text: listText, mentionIdList: [], Content: content,
    })
    this.puppet.emit('message', { messageId: message.id })
    return id
  }

  /** Every message in `roomId`, the bot's included, oldest first. */
  transcript (roomId) {
    return [...this.mocker.cacheMessagePayload.values()].filter(m => m.roomId === roomId)
  }
}

function escape (s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
