#!/usr/bin/env node
// Check of a verification receipt the way a using unit (or an auditor, or a court) does it later: given
// ONLY the published JWKS (/.well-known/jwks.json) and the receipt object the unit kept from
// POST /api/v1/verifications, prove that the issuing department signed this receipt body. No call to the
// service. SM2-SM3 with sm-crypto (user ID "1234567812345678", raw r||s), SHA-256 with Node's crypto —
// code that shares nothing with the service.
//
// Usage:   node verify-receipt.mjs <jwks.json> <receipt.json>
// Exit:    0 valid (the receipt body printed); 1 rejected; 2 bad usage or unreadable input.
// Output:  {"valid":true,"issuer":…,"batchSize":…,"body":{…}} or {"valid":false,"reason":…}.
//
// Checks:
//  1. receipt = {payload, index, path, batch}; batch is a compact JWS, header alg "SM2SM3",
//     typ "certfree-receipt-batch+jws", a kid, no "crit"; the kid is an SM2SM3 key in the JWKS and the
//     signature verifies over ASCII(protected "." payload); a compromised key (JWK "exp") only counts for
//     a header "iat" before "exp";
//  2. the batch head {typ:"certfree-receipt-batch", issuer, size, root, signedAt}: issuer = the key's
//     "dept", 0 <= index < size;
//  3. leaf = SHA-256(0x00 || base64url-decoded payload); the inclusion path folds to the root exactly as
//     RFC 9162 §2.1.3.2 describes (interior node = SHA-256(0x01 || left || right)), and equals head.root;
//  4. the body: typ "certfree-receipt" and issuerDept = head.issuer.

import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import smCrypto from 'sm-crypto';

const { sm2 } = smCrypto;
const SM2_USER_ID = '1234567812345678';

class Rejected extends Error {}

function b64url(s, what) {
  if (typeof s !== 'string' || !/^[A-Za-z0-9_-]*$/.test(s)) throw new Rejected(`${what} is not base64url`);
  return Buffer.from(s, 'base64url');
}

function hex(s, what) {
  if (typeof s !== 'string' || !/^[0-9a-f]{64}$/.test(s)) throw new Rejected(`${what} is not a hex SHA-256 hash`);
  return Buffer.from(s, 'hex');
}

function object(buffer, what) {
  let value;
  try {
    value = JSON.parse(buffer.toString('utf8'));
  } catch (e) {
    throw new Rejected(`${what} is not JSON: ${e.message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Rejected(`${what} is not a JSON object`);
  return value;
}

const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();

// RFC 9162 §2.1.3.2: verify that leaf is leaf number index of a tree of size leaves with the given root.
function rootFromPath(index, size, leaf, path) {
  if (!(index >= 0 && index < size)) throw new Rejected(`index ${index} is outside a batch of ${size}`);
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) throw new Rejected('inclusion path is longer than the tree is deep');
    if ((fn & 1) === 1 || fn === sn) {
      r = sha256(Buffer.from([1]), p, r);
      while ((fn & 1) === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = sha256(Buffer.from([1]), r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn !== 0) throw new Rejected('inclusion path is shorter than the tree is deep');
  return r;
}

function verifyReceipt(keys, receipt) {
  if (receipt === null || typeof receipt !== 'object') throw new Rejected('the receipt is not a JSON object');
  const { payload, index, path, batch } = receipt;
  if (!Number.isSafeInteger(index) || !Array.isArray(path) || typeof batch !== 'string') {
    throw new Rejected('the receipt needs payload, index, path and batch');
  }

  // 1. The signed batch head.
  const parts = batch.trim().split('.');
  if (parts.length !== 3) throw new Rejected('batch is not a compact JWS');
  const [protectedB64, headB64, signatureB64] = parts;
  const header = object(b64url(protectedB64, 'protected header'), 'protected header');
  if (header.alg !== 'SM2SM3') throw new Rejected(`alg ${header.alg} is not SM2SM3`);
  if (header.typ !== 'certfree-receipt-batch+jws') throw new Rejected(`header typ ${header.typ} is not certfree-receipt-batch+jws`);
  if (header.crit !== undefined) throw new Rejected('critical header parameters are not understood');
  const jwk = keys.find((k) => k && k.kid === header.kid);
  if (!jwk) throw new Rejected(`kid ${header.kid} is not in the JWKS`);
  if (jwk.alg !== 'SM2SM3' || jwk.kty !== 'EC' || jwk.crv !== 'SM2') throw new Rejected(`key ${header.kid} is not an SM2SM3 key`);
  const x = b64url(jwk.x, 'JWK x');
  const y = b64url(jwk.y, 'JWK y');
  const rs = b64url(signatureB64, 'signature');
  if (x.length !== 32 || y.length !== 32 || rs.length !== 64) throw new Rejected('bad SM2 key or signature length');
  let ok;
  try {
    ok = sm2.doVerifySignature(`${protectedB64}.${headB64}`, rs.toString('hex'), '04' + x.toString('hex') + y.toString('hex'),
      { der: false, hash: true, userId: SM2_USER_ID });
  } catch (e) {
    ok = false;
  }
  if (!ok) throw new Rejected(`batch signature does not verify with key ${header.kid} (sm-crypto)`);
  if (jwk.exp !== undefined && (typeof header.iat !== 'number' || header.iat >= jwk.exp)) {
    throw new Rejected(`key ${header.kid} is compromised from ${jwk.exp}; signed at ${header.iat}`);
  }

  // 2. The head.
  const head = object(b64url(headB64, 'batch head'), 'batch head');
  if (head.typ !== 'certfree-receipt-batch') throw new Rejected(`batch head typ ${head.typ} is not certfree-receipt-batch`);
  if (typeof jwk.dept !== 'string' || head.issuer !== jwk.dept) throw new Rejected(`batch of ${head.issuer} signed with a key of ${jwk.dept}`);
  if (!Number.isSafeInteger(head.size) || head.size < 1) throw new Rejected(`batch size ${head.size} is not a positive integer`);

  // 3. The body's place in the signed tree.
  const bodyBytes = b64url(payload, 'payload');
  const leaf = sha256(Buffer.from([0]), bodyBytes);
  const root = rootFromPath(index, head.size, leaf, path.map((p, i) => hex(p, `path[${i}]`)));
  if (!root.equals(hex(head.root, 'root'))) throw new Rejected('the inclusion path does not lead to the signed root');

  // 4. The body.
  const body = object(bodyBytes, 'receipt body');
  if (body.typ !== 'certfree-receipt') throw new Rejected(`receipt body typ ${body.typ} is not certfree-receipt`);
  if (body.issuerDept !== head.issuer) throw new Rejected(`receipt of ${body.issuerDept} in a batch of ${head.issuer}`);
  return { issuer: head.issuer, batchSize: head.size, body };
}

function main() {
  const [jwksFile, receiptFile, ...rest] = process.argv.slice(2);
  if (!jwksFile || !receiptFile || rest.length > 0) {
    console.error('usage: node verify-receipt.mjs <jwks.json> <receipt.json>');
    process.exit(2);
  }
  let keys;
  let receipt;
  try {
    keys = JSON.parse(readFileSync(jwksFile, 'utf8')).keys;
    if (!Array.isArray(keys)) throw new Error('no "keys" array');
    receipt = JSON.parse(readFileSync(receiptFile, 'utf8'));
  } catch (e) {
    console.error(`unreadable input: ${e.message}`);
    process.exit(2);
  }
  try {
    console.log(JSON.stringify({ valid: true, ...verifyReceipt(keys, receipt) }));
    process.exit(0);
  } catch (e) {
    const reason = e instanceof Rejected ? e.message : `error: ${e.message}`;
    console.log(JSON.stringify({ valid: false, reason }));
    console.error(`receipt rejected: ${reason}`);
    process.exit(1);
  }
}

main();
