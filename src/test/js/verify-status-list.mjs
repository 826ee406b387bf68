#!/usr/bin/env node
// Offline check of a department's signed status list, the way a third party does it: given ONLY the
// published JWKS (/.well-known/jwks.json) and the list (GET /api/v1/status-lists/{dept}, a compact JWS),
// verify the list and read the status bits of some proofs. No call to the service is made.
// The signature is checked with sm-crypto (SM2 with SM3, user ID "1234567812345678", signature raw
// r||s), a library that shares no code with the service; GZIP is Node's own zlib.
//
// Usage:   node verify-status-list.mjs <jwks.json> <status-list.jws> [options] <index>...
// Options: --now=<ISO-8601 instant>  the verifier's time (default: the system clock)
//          --issuer=<dept>           the department whose list this must be
//          --min-number=<n>          refuse a list numbered below n (one older than a list already seen)
//          --purpose=revocation|suspension  which bitstring to read (default revocation); suspension reads the
//                                    list's "suspension" member: {"statusPurpose":"suspension","encodedList":…}, same
//                                    size and indexes, a bit set while a dispute on the proof is open (reversible)
// Exit:    0 the list is valid (statuses printed); 1 the list is rejected; 2 bad usage or unreadable input.
// Output:  {"valid":true,"issuer":…,"number":…,"issuedAt":…,"validUntil":…,"size":…,"kid":…,
//           "statusPurpose":…,"statuses":{"<index>":0|1}}  (1 = revoked or superseded; with --purpose=suspension
//           1 = suspended), or {"valid":false,"reason":…}.
//
// Checks, in order:
//  1. compact JWS; protected header alg "SM2SM3", typ "certfree-status-list+jws", a kid, no "crit";
//  2. the kid is in the JWKS, as an SM2SM3 key (kty EC, crv SM2); the signature verifies with it over
//     ASCII(protected "." payload); a compromised key (JWK member "exp") only counts for a header
//     "iat" before "exp";
//  3. payload: typ "certfree-status-list", statusPurpose "revocation", issuer = the key's "dept"
//     (a department signs only its own list), number a positive integer, issuedAt < validUntil,
//     now < validUntil and issuedAt not later than now (5 minutes of clock skew allowed);
//  4. size >= 131,072 and a multiple of 8; encodedList = base64url(GZIP(bitstring)) inflates to
//     exactly size / 8 bytes. Bit i is bit (7 - i % 8) of byte i / 8: index 0 is the most
//     significant bit of the first byte (W3C Bitstring Status List).
//  5. with --purpose=suspension: a "suspension" object with statusPurpose "suspension" whose encodedList
//     inflates likewise to exactly size / 8 bytes (the signature of step 2 covers it).

import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import smCrypto from 'sm-crypto';

const { sm2 } = smCrypto;
const SM2_USER_ID = '1234567812345678';
const HEADER_TYP = 'certfree-status-list+jws';
const PAYLOAD_TYP = 'certfree-status-list';
const MIN_SIZE = 131072;
const MAX_SIZE = 2 ** 31; // the service's list size is a Java int
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export class Rejected extends Error {}

function usage(message) {
  console.error(message);
  console.error('usage: node verify-status-list.mjs <jwks.json> <status-list.jws> [--now=<instant>] [--issuer=<dept>]'
    + ' [--min-number=<n>] [--purpose=revocation|suspension] <index>...');
  process.exit(2);
}

function b64url(s, what) {
  if (typeof s !== 'string' || !/^[A-Za-z0-9_-]*$/.test(s)) throw new Rejected(`${what} is not base64url`);
  return Buffer.from(s, 'base64url');
}

function json(buffer, what) {
  let value;
  try {
    value = JSON.parse(buffer.toString('utf8'));
  } catch (e) {
    throw new Rejected(`${what} is not JSON: ${e.message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Rejected(`${what} is not a JSON object`);
  return value;
}

function instant(value, what) {
  if (typeof value !== 'string' || !INSTANT.test(value)) throw new Rejected(`${what} is not an ISO-8601 UTC instant: ${value}`);
  return Date.parse(value);
}

function inflate(encodedList, size, what) {
  let bits;
  try {
    // One byte more than expected is enough to tell "too long" without inflating a bomb.
    bits = gunzipSync(b64url(encodedList, what), { maxOutputLength: size / 8 + 1 });
  } catch (e) {
    if (e instanceof Rejected) throw e;
    throw new Rejected(`${what} does not inflate: ${e.code || e.message}`);
  }
  if (bits.length !== size / 8) throw new Rejected(`${what} bitstring has ${bits.length} bytes, size ${size} needs ${size / 8}`);
  return bits;
}

export function verifyList(keys, jws, { now, issuer, minNumber, purpose }) {
  const parts = jws.trim().split('.');
  if (parts.length !== 3) throw new Rejected('not a compact JWS (three dot-separated parts)');
  const [protectedB64, payloadB64, signatureB64] = parts;

  // 1. Header.
  const header = json(b64url(protectedB64, 'protected header'), 'protected header');
  if (header.alg !== 'SM2SM3') throw new Rejected(`alg ${header.alg} is not accepted for a status list (SM2SM3 only)`);
  if (header.typ !== HEADER_TYP) throw new Rejected(`header typ ${header.typ} is not ${HEADER_TYP}`);
  if (typeof header.kid !== 'string' || header.kid === '') throw new Rejected('no kid in the protected header');
  if (header.crit !== undefined) throw new Rejected('critical header parameters are not understood');

  // 2. Key and signature.
  const jwk = keys.find((k) => k && k.kid === header.kid);
  if (!jwk) throw new Rejected(`kid ${header.kid} is not in the JWKS`);
  if (jwk.alg !== 'SM2SM3' || jwk.kty !== 'EC' || jwk.crv !== 'SM2') {
    throw new Rejected(`key ${header.kid} is not an SM2SM3 key (alg ${jwk.alg}, kty ${jwk.kty}, crv ${jwk.crv})`);
  }
  const x = b64url(jwk.x, 'JWK x');
  const y = b64url(jwk.y, 'JWK y');
  if (x.length !== 32 || y.length !== 32) throw new Rejected('SM2 key coordinates must be 32 bytes');
  const rs = b64url(signatureB64, 'signature');
  if (rs.length !== 64) throw new Rejected('SM2 signature must be r||s, 64 bytes');
  let signatureOk;
  try {
    signatureOk = sm2.doVerifySignature(`${protectedB64}.${payloadB64}`, rs.toString('hex'),
      '04' + x.toString('hex') + y.toString('hex'), { der: false, hash: true, userId: SM2_USER_ID });
  } catch (e) {
    signatureOk = false;
  }
  if (!signatureOk) throw new Rejected(`signature does not verify with key ${header.kid} (sm-crypto)`);
  if (jwk.exp !== undefined && (typeof header.iat !== 'number' || header.iat >= jwk.exp)) {
    throw new Rejected(`key ${header.kid} is compromised from ${jwk.exp}; signed at ${header.iat}`);
  }

  // 3. The signed statement.
  const list = json(b64url(payloadB64, 'payload'), 'payload');
  if (list.typ !== PAYLOAD_TYP) throw new Rejected(`payload typ ${list.typ} is not ${PAYLOAD_TYP}`);
  if (list.statusPurpose !== 'revocation') throw new Rejected(`statusPurpose ${list.statusPurpose} is not revocation`);
  if (typeof jwk.dept !== 'string' || list.issuer !== jwk.dept) {
    throw new Rejected(`list of ${list.issuer} signed with a key of ${jwk.dept}`);
  }
  if (issuer !== undefined && list.issuer !== issuer) throw new Rejected(`list of ${list.issuer}, not of ${issuer}`);
  if (!Number.isSafeInteger(list.number) || list.number < 1) throw new Rejected(`number ${list.number} is not a positive integer`);
  if (minNumber !== undefined && list.number < minNumber) {
    throw new Rejected(`list number ${list.number} is older than ${minNumber}, already seen`);
  }
  const issuedAt = instant(list.issuedAt, 'issuedAt');
  const validUntil = instant(list.validUntil, 'validUntil');
  if (!(issuedAt < validUntil)) throw new Rejected(`issuedAt ${list.issuedAt} is not before validUntil ${list.validUntil}`);
  if (!(now < validUntil)) throw new Rejected(`list expired at ${list.validUntil} (now ${new Date(now).toISOString()})`);
  if (issuedAt > now + CLOCK_SKEW_MS) {
    throw new Rejected(`list issued at ${list.issuedAt}, after now (${new Date(now).toISOString()})`);
  }

  // 4. The bitstring.
  const { size } = list;
  if (!Number.isSafeInteger(size) || size < MIN_SIZE || size > MAX_SIZE || size % 8 !== 0) {
    throw new Rejected(`size ${size} is not a multiple of 8 between ${MIN_SIZE} and ${MAX_SIZE}`);
  }
  const revocation = inflate(list.encodedList, size, 'encodedList');
  if (purpose !== 'suspension') return { list, kid: header.kid, bits: revocation };

  // 5. The suspension bitstring.
  const suspension = list.suspension;
  if (suspension === null || typeof suspension !== 'object' || Array.isArray(suspension)) {
    throw new Rejected('the list has no suspension bitstring');
  }
  if (suspension.statusPurpose !== 'suspension') {
    throw new Rejected(`suspension statusPurpose ${suspension.statusPurpose} is not suspension`);
  }
  return { list, kid: header.kid, bits: inflate(suspension.encodedList, size, 'suspension encodedList') };
}

function main() {
  const positional = [];
  const options = {};
  for (const arg of process.argv.slice(2)) {
    const m = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (m) options[m[1]] = m[2];
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else positional.push(arg);
  }
  for (const name of Object.keys(options)) {
    if (!['now', 'issuer', 'min-number', 'purpose'].includes(name)) usage(`unknown option --${name}`);
  }
  const [jwksFile, listFile, ...indexArgs] = positional;
  if (!jwksFile || !listFile || indexArgs.length === 0) usage('a JWKS file, a status-list file and at least one index are needed');

  let now = Date.now();
  if (options.now !== undefined) {
    now = Date.parse(options.now);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(options.now) || Number.isNaN(now)) usage(`--now is not an ISO-8601 instant: ${options.now}`);
  }
  const purpose = options.purpose === undefined ? 'revocation' : options.purpose;
  if (!['revocation', 'suspension'].includes(purpose)) usage(`--purpose is revocation or suspension, not ${purpose}`);
  let minNumber;
  if (options['min-number'] !== undefined) {
    if (!/^\d+$/.test(options['min-number'])) usage(`--min-number is not a number: ${options['min-number']}`);
    minNumber = Number(options['min-number']);
  }
  const indexes = indexArgs.map((a) => {
    if (!/^\d+$/.test(a) || !Number.isSafeInteger(Number(a))) usage(`index ${a} is not a non-negative integer`);
    return Number(a);
  });

  let keys;
  let jws;
  try {
    keys = JSON.parse(readFileSync(jwksFile, 'utf8')).keys;
    if (!Array.isArray(keys)) throw new Error('no "keys" array');
    jws = readFileSync(listFile, 'utf8');
  } catch (e) {
    usage(`unreadable input: ${e.message}`);
  }

  let result;
  try {
    result = verifyList(keys, jws, { now, issuer: options.issuer, minNumber, purpose });
    const statuses = {};
    for (const i of indexes) {
      if (i >= result.list.size) throw new Rejected(`index ${i} is outside the list (size ${result.list.size})`);
      statuses[i] = (result.bits[i >> 3] >> (7 - (i & 7))) & 1;
    }
    const { issuer, number, issuedAt, validUntil, size } = result.list;
    console.log(JSON.stringify({ valid: true, issuer, number, issuedAt, validUntil, size, kid: result.kid,
      statusPurpose: purpose, statuses }));
    process.exit(0);
  } catch (e) {
    const reason = e instanceof Rejected ? e.message : `error: ${e.message}`;
    console.log(JSON.stringify({ valid: false, reason }));
    console.error(`status list rejected: ${reason}`);
    process.exit(1);
  }
}

// run as a script, not when verify-copy.mjs imports the list check
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
