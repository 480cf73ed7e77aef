/**
 * WeChat's own 接龙 (Wechaty's GroupNote message type) read into what tuangou's bridge protocol
 * wants: the list as plain text and, when the puppet hands over the message XML, the
 * `<solitaire_info>` element that names each entry's author. That XML is an app message:
 *
 *   <msg><appmsg><title>#接龙 …list…</title><type>53</type>…
 *     <extinfo><solitaire_info><![CDATA[<solitaire>…<content><i><u>wxid</u>…</i>…</content></solitaire>]]></solitaire_info></extinfo>
 *   </appmsg></msg>
 *
 * Puppets differ in where they leave it: some put the list in the message text and the XML in
 * their raw payload (wechat4u's `Content`), some put the XML in the text itself. Pure functions.
 */

/**
 * @param {string} text what Wechaty's `message.text()` gave
 * @param {unknown} rawPayload the puppet's raw payload for the message, if it has one
 * @returns {{text: string, raw?: string}}
 */
export function readGroupNote (text, rawPayload) {
  const xmlInText = text.includes('<appmsg') || text.includes('<solitaire') ? text : undefined
  const xml = xmlInText ?? findString(rawPayload, s => s.includes('<solitaire'), 4)
  const title = xmlInText ? titleOf(xmlInText) : undefined
  const raw = xml ? solitaireInfo(xml) : undefined
  return raw ? { text: title ?? text, raw } : { text: title ?? text }
}

/**
 * The `<solitaire_info>…</solitaire_info>` element, or a bare `<solitaire>…</solitaire>`;
 * undefined when there is none or it is empty (a 接龙 that WeChat sent without its entries).
 */
export function solitaireInfo (xml) {
  const wrapped = /<solitaire_info>[\s\S]*?<\/solitaire_info>/.exec(xml)?.[0]
  const inner = /<solitaire>[\s\S]*<\/solitaire>/.exec(wrapped ?? xml)?.[0]
  if (!inner) {
    return undefined
  }
  return wrapped ?? inner
}

/** The app message's title, which is the list as people see it; undefined when there is none. */
export function titleOf (xml) {
  const m = /<title>([\s\S]*?)<\/title>/.exec(xml)
  if (!m) {
    return undefined
  }
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(m[1])
  return cdata ? cdata[1] : decodeEntities(m[1])
}

const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeEntities (s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name) => {
    if (name[0] !== '#') {
      return NAMED[name.toLowerCase()]
    }
    const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** The first string in `value`, searched depth first to `depth` levels, that passes `test`. */
function findString (value, test, depth) {
  if (typeof value === 'string') {
    return test(value) ? value : undefined
  }
  if (depth === 0 || value === null || typeof value !== 'object') {
    return undefined
  }
  for (const v of Object.values(value)) {
    const found = findString(v, test, depth - 1)
    if (found !== undefined) {
      return found
    }
  }
  return undefined
}
