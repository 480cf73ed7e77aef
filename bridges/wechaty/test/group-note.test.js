import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readGroupNote, solitaireInfo, titleOf } from '../src/group-note.js'

const INFO = '<solitaire_info><![CDATA[<solitaire><tt>0-86</tt><s>.</s><au>wx_a</au><content><s>2</s>' +
  '<i><u>wx_a</u><h>0</h><s>.</s><t>1687786648</t><r>91-43</r></i>' +
  '<i><u>wx_b</u><h>0</h><s>.</s><t>1687787631</t><r>138-20</r></i></content></solitaire>]]></solitaire_info>'
const XML = 'wx_b:\n<?xml version="1.0"?>\n<msg><appmsg appid="" sdkver="0"><title>#接龙\n1. 张三 苹果2斤 &amp; 梨\n2. 李四 香蕉1把</title>' +
  `<des /><type>53</type><extinfo>${INFO}</extinfo></appmsg><fromusername>wx_b</fromusername></msg>`

test('a puppet that gives the list as text and the XML in its raw payload (wechat4u): both are sent', () => {
  const note = readGroupNote('#接龙\n1. 张三 苹果2斤', { MsgId: '1', Content: XML, OriginalContent: 'x' })
  assert.deepEqual(note, { text: '#接龙\n1. 张三 苹果2斤', raw: INFO })
})

test('a puppet that gives the whole XML as the text: the title is the text, entities decoded', () => {
  assert.deepEqual(readGroupNote(XML, undefined), { text: '#接龙\n1. 张三 苹果2斤 & 梨\n2. 李四 香蕉1把', raw: INFO })
})

test('the XML found deeper in a nested raw payload still counts; without any, only the text goes', () => {
  assert.equal(readGroupNote('list', { message: { appMsg: { content: XML } } }).raw, INFO)
  assert.deepEqual(readGroupNote('list', { id: 7, content: 'plain' }), { text: 'list' })
  assert.deepEqual(readGroupNote('list', undefined), { text: 'list' })
})

test('an empty solitaire_info (WeChat sometimes sends one) gives no raw; a bare solitaire element is kept', () => {
  assert.equal(solitaireInfo('<extinfo><solitaire_info><![CDATA[]]></solitaire_info></extinfo>'), undefined)
  assert.equal(solitaireInfo('<solitaire><content></content></solitaire>'), '<solitaire><content></content></solitaire>')
})

test('titles in CDATA and numeric entities are read as written', () => {
  assert.equal(titleOf('<title><![CDATA[#接龙 <1>]]></title>'), '#接龙 <1>')
  assert.equal(titleOf('<title>&#25509;&#x9F99;</title>'), '接龙')
  assert.equal(titleOf('<msg/>'), undefined)
})
