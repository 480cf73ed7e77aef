import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * tuangou's bridge signature, both ways: `X-Tuangou-Signature: sha256=<hex HMAC-SHA256(secret,
 * timestamp + "." + body)>` with the unix seconds in `X-Tuangou-Timestamp` (the Java side is
 * BridgeSignature and TimestampWindow in bot/…/channel).
 */
export const TIMESTAMP_HEADER = 'x-tuangou-timestamp'
export const SIGNATURE_HEADER = 'x-tuangou-signature'

/**
 * @param {string} secret
 * @param {string} timestamp unix seconds, as sent in the header
 * @param {string | Buffer} body the exact bytes sent
 */
export function sign (secret, timestamp, body) {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')
}

/** The headers of a request signed now. */
export function signedHeaders (secret, body, nowSeconds = Math.floor(Date.now() / 1000)) {
  const timestamp = String(nowSeconds)
  return {
    'content-type': 'application/json; charset=utf-8',
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: sign(secret, timestamp, body),
  }
}

/** Constant-time, like tuangou's: a forger learns nothing from how long the answer takes. */
export function verify (secret, timestamp, body, signature) {
  if (typeof signature !== 'string' || typeof timestamp !== 'string') {
    return false
  }
  const expected = Buffer.from(sign(secret, timestamp, body))
  const given = Buffer.from(signature.trim().toLowerCase())
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * Whether `timestamp` (unix seconds) is within `maxSkewSeconds` of now, so that a captured
 * request cannot be replayed later; 0 turns the window off, as in tuangou.
 */
export function withinWindow (timestamp, maxSkewSeconds, nowSeconds = Math.floor(Date.now() / 1000)) {
  if (typeof timestamp !== 'string' || !/^\s*-?\d{1,15}\s*$/.test(timestamp)) {
    return false
  }
  return maxSkewSeconds === 0 || Math.abs(nowSeconds - Number(timestamp)) <= maxSkewSeconds
}
