import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sign, verify, withinWindow } from '../src/signature.js'

// computed with the JDK's HmacSHA256 over the same input, as tuangou's BridgeSignature does
const BODY = '{"clientMsgId":"tuangou-1","roomId":"r1@chatroom","to":null,"text":"@张三 已记下：苹果2斤","mentions":["wx_zhang"]}'
const JAVA = 'sha256=25d93caedbe3ff1ac4633141cf233cfe0e3a7f7677cf385c409fab350e15d8b9'

test('signs as tuangou does: HMAC-SHA256 of timestamp.body over UTF-8, hex, sha256= prefix', () => {
  assert.equal(sign('test-bridge-secret-0123', '1700000000', BODY), JAVA)
  assert.equal(sign('test-bridge-secret-0123', '1700000000', Buffer.from(BODY, 'utf8')), JAVA)
})

test('verifies in constant time, tolerating case and spaces as tuangou does, and nothing else', () => {
  assert.ok(verify('test-bridge-secret-0123', '1700000000', BODY, JAVA))
  assert.ok(verify('test-bridge-secret-0123', '1700000000', BODY, ` ${JAVA.toUpperCase().replace('SHA256=', 'sha256=')} `))
  assert.ok(!verify('test-bridge-secret-0123', '1700000001', BODY, JAVA), 'another timestamp')
  assert.ok(!verify('test-bridge-secret-0123', '1700000000', BODY.replace('2斤', '20斤'), JAVA), 'another body')
  assert.ok(!verify('other-secret-0123456', '1700000000', BODY, JAVA), 'another secret')
  assert.ok(!verify('test-bridge-secret-0123', '1700000000', BODY, undefined))
  assert.ok(!verify('test-bridge-secret-0123', undefined, BODY, JAVA))
  assert.ok(!verify('test-bridge-secret-0123', '1700000000', BODY, 'sha256=00'))
})

test('the timestamp window admits unix seconds within the skew, and 0 turns it off', () => {
  const now = 1_700_000_000
  assert.ok(withinWindow('1700000300', 300, now))
  assert.ok(withinWindow('1699999700', 300, now))
  assert.ok(!withinWindow('1700000301', 300, now))
  assert.ok(!withinWindow('1699999699', 300, now))
  assert.ok(withinWindow('1', 0, now))
  for (const bad of [undefined, '', 'soon', '1700000000.5', '1e9']) {
    assert.ok(!withinWindow(bad, 300, now), `${bad} is not a timestamp`)
  }
})
