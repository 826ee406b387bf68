#!/usr/bin/env node
// Offline check of a purpose-bound copy (加注件) by the using unit it is given to: with ONLY the published JWKS
// (/.well-known/jwks.json) and the issuing department's status list as cached (GET /api/v1/status-lists/{dept}),
// no call to the service. Signatures are checked with jose (EdDSA) and sm-crypto (SM2 with SM3) through
// signatures.mjs, the proof inside with @sd-jwt/core, the status list with verify-status-list.mjs — libraries that
// share no code with the service.
//
// Usage:   node verify-copy.mjs <jwks.json> <status-list.jws> <copy-token-file> --unit=<unit code>
//                              [--now=<ISO-8601 instant>] [--min-number=<n>]
//          --unit        the checking unit's own code: a copy bound to another unit is refused
//          --now         the verifier's time (default: the system clock)
//          --min-number  refuse a status list numbered below n (older than one already seen)
//          --roots       PEM file of the trusted roots (GET /api/v1/pki/roots): every SM2 key that signed the copy or
//                        the proof must carry an x5c chain to one of them, valid at the signing time (x509-chain.mjs)
// Exit:    0 accepted; 1 refused; 2 bad usage or unreadable input.
// Output:  {"valid":true,"copy":{id,unit,purpose,expiresAt,issuer},"proof":{number,matter,validUntil,status},
//           "disclosed":{…what the holder disclosed…},"statusList":{number,issuedAt,validUntil}}
//          or {"valid":false,"reason":…}.
//
// Checks, in order:
//  1. the token is a JWS (compact, or general JSON); every signature verifies with a key of the JWKS (a compromised
//     key only for an "iat" before its "exp"), at least one is SM2SM3, every protected header has typ
//     "certfree-copy+jwt", and every key is of the department the payload names as "iss";
//  2. payload typ "certfree-copy", ver 1; "aud" is the checking unit; now < "exp" (seconds); "iat" not after now
//     (5 minutes of skew);
//  3. "sd_jwt" is an SD-JWT of a proof (typ "certfree-proof+sd-jwt") signed by the same department, every
//     disclosure's digest in its payload; base64url(SHA-256(its signed payload)) is "proof_sha256"; its number,
//     matter, issuer and status entry are the copy's; the proof's validUntil is after now;
//  4. the status list verifies (see verify-status-list.mjs) as the issuer's, its URI is the entry's "list", and the
//     entry's "index" is set in neither the revocation nor the suspension bitstring.
// A withdrawal by the holder is NOT visible offline (only the online check sees it): that is why copies expire soon.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SDJwtInstance } from '@sd-jwt/core';
import { b64urlToBuffer, parseJws, verifySignature } from './signatures.mjs';
import { Rejected, verifyList } from './verify-status-list.mjs';
import { ChainRejected, checkChain, pemCertificates } from './x509-chain.mjs';

const HEADER_TYP = 'certfree-copy+jwt';
const PAYLOAD_TYP = 'certfree-copy';
const PROOF_TYP = 'certfree-proof+sd-jwt';
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function usage(message) {
  console.error(message);
  console.error('usage: node verify-copy.mjs <jwks.json> <status-list.jws> <copy-token-file> --unit=<code>'
    + ' [--now=<instant>] [--min-number=<n>]');
  process.exit(2);
}

function jsonObject(buffer, what) {
  let value;
  try {
    value = JSON.parse(buffer.toString('utf8'));
  } catch (e) {
    throw new Rejected(`${what} is not JSON: ${e.message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Rejected(`${what} is not a JSON object`);
  return value;
}

function b64(s, what) {
  try {
    return b64urlToBuffer(s);
  } catch (e) {
    throw new Rejected(`${what} is not base64url`);
  }
}

const hasher = (data, alg) => {
  if (alg !== 'sha-256') throw new Error(`unsupported _sd_alg ${alg}`);
  return new Uint8Array(createHash('sha256').update(data).digest());
};

// With --roots: the SM2 key behind a signature must be certified by a trusted root at its signing time.
function certified(keys, roots, sig, signedAtSeconds) {
  if (!roots) return;
  const header = JSON.parse(b64urlToBuffer(sig.protected).toString('utf8'));
  if (header.alg !== 'SM2SM3') return;
  const at = (typeof header.iat === 'number' ? header.iat : signedAtSeconds) * 1000;
  try {
    checkChain(keys.find((k) => k.kid === header.kid), roots, at);
  } catch (e) {
    throw new Rejected(e instanceof ChainRejected ? `certificate: ${e.message}` : `certificate unreadable: ${e.message}`);
  }
}

async function checkToken(keys, token, unit, now, roots) {
  // 1. The copy's own signatures.
  let jws;
  try {
    jws = parseJws(token);
  } catch (e) {
    throw new Rejected(`not a JWS: ${e.message}`);
  }
  const depts = new Set();
  let sm2 = false;
  for (const sig of jws.signatures) {
    const header = jsonObject(b64(sig.protected, 'protected header'), 'protected header');
    if (header.typ !== HEADER_TYP) throw new Rejected(`header typ ${header.typ} is not ${HEADER_TYP}`);
    if (header.crit !== undefined) throw new Rejected('critical header parameters are not understood');
    const r = await verifySignature(sig, jws.payload, keys);
    if (!r.valid) throw new Rejected(`signature does not verify (${r.kid}, ${r.alg}): ${r.reason}`);
    if (r.alg === 'SM2SM3') sm2 = true;
    certified(keys, roots, sig, jsonObject(b64(jws.payload, 'payload'), 'payload').iat);
    depts.add(r.dept);
  }
  if (!sm2) throw new Rejected('no SM2SM3 signature');

  // 2. What the copy binds.
  const copy = jsonObject(b64(jws.payload, 'payload'), 'payload');
  if (copy.typ !== PAYLOAD_TYP || copy.ver !== 1) throw new Rejected(`payload typ ${copy.typ} ver ${copy.ver} is not a copy's`);
  if (depts.size !== 1 || !depts.has(copy.iss)) throw new Rejected(`copy of ${copy.iss} signed with keys of ${[...depts].join(', ')}`);
  if (typeof copy.aud !== 'string' || copy.aud !== unit) throw new Rejected(`bound to another unit: ${copy.aud}, not ${unit}`);
  if (!Number.isSafeInteger(copy.exp) || !Number.isSafeInteger(copy.iat)) throw new Rejected('iat and exp must be integers');
  if (!(now < copy.exp * 1000)) throw new Rejected(`copy expired at ${new Date(copy.exp * 1000).toISOString()}`);
  if (copy.iat * 1000 > now + CLOCK_SKEW_MS) throw new Rejected(`copy made at ${new Date(copy.iat * 1000).toISOString()}, after now`);
  if (typeof copy.purpose !== 'string' || copy.purpose === '') throw new Rejected('no purpose');

  // 3. The proof inside, as the holder disclosed it.
  if (typeof copy.sd_jwt !== 'string') throw new Rejected('no sd_jwt');
  const issuerJwt = copy.sd_jwt.split('~')[0];
  const [proofHeaderB64, proofPayloadB64] = issuerJwt.split('.');
  const proofHeader = jsonObject(b64(proofHeaderB64, 'proof header'), 'proof header');
  if (proofHeader.typ !== PROOF_TYP) throw new Rejected(`proof typ ${proofHeader.typ} is not ${PROOF_TYP}`);
  const digest = createHash('sha256').update(b64(proofPayloadB64, 'proof payload')).digest('base64url');
  if (digest !== copy.proof_sha256) throw new Rejected('proof_sha256 does not match the proof inside');
  let proofDept;
  const verifier = async (data, signature) => {
    const [protectedHeader, payload] = data.split('.');
    const r = await verifySignature({ protected: protectedHeader, signature }, payload, keys);
    if (!r.valid) console.error(`proof signature ${r.kid} (${r.alg}): ${r.reason}`);
    if (r.valid) certified(keys, roots, { protected: protectedHeader }, jsonObject(b64(payload, 'proof payload'), 'proof payload').iat);
    proofDept = r.dept;
    return r.valid;
  };
  let proof;
  try {
    ({ payload: proof } = await new SDJwtInstance({ hasher, verifier }).verify(copy.sd_jwt));
  } catch (e) {
    throw new Rejected(`the proof inside does not verify: ${e.message}`);
  }
  if (proofDept !== copy.iss) throw new Rejected(`proof signed by ${proofDept}, the copy by ${copy.iss}`);
  if (proof.number !== copy.number || proof.issuer?.code !== copy.iss || proof.matter?.code !== copy.matter?.code) {
    throw new Rejected('the proof inside is not the one the copy names');
  }
  if (proof.status?.list !== copy.status?.list || proof.status?.index !== copy.status?.index) {
    throw new Rejected('the copy\'s status entry is not the proof\'s');
  }
  if (!(now < Date.parse(proof.validUntil))) throw new Rejected(`proof expired at ${proof.validUntil}`);
  return { copy, proof };
}

function checkStatus(keys, listJws, copy, now, minNumber) {
  const { list: uri, index } = copy.status;
  if (uri !== `/api/v1/status-lists/${copy.iss}`) throw new Rejected(`status list ${uri} is not the issuer's`);
  if (!Number.isSafeInteger(index) || index < 0) throw new Rejected(`status index ${index} is not a non-negative integer`);
  const bit = (bits) => (bits[index >> 3] >> (7 - (index & 7))) & 1;
  let revocation;
  let suspension;
  try {
    revocation = verifyList(keys, listJws, { now, issuer: copy.iss, minNumber, purpose: 'revocation' });
    suspension = verifyList(keys, listJws, { now, issuer: copy.iss, minNumber, purpose: 'suspension' });
  } catch (e) {
    throw new Rejected(`status list: ${e.message}`);
  }
  if (index >= revocation.list.size) throw new Rejected(`status index ${index} is outside the list`);
  if (bit(revocation.bits)) throw new Rejected('the proof is revoked (status list)');
  if (bit(suspension.bits)) throw new Rejected('the proof is suspended (status list)');
  return revocation.list;
}

async function main() {
  const positional = [];
  const options = {};
  for (const arg of process.argv.slice(2)) {
    const m = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (m) options[m[1]] = m[2];
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else positional.push(arg);
  }
  for (const name of Object.keys(options)) {
    if (!['now', 'unit', 'min-number', 'roots'].includes(name)) usage(`unknown option --${name}`);
  }
  const [jwksFile, listFile, tokenFile] = positional;
  if (!jwksFile || !listFile || !tokenFile || positional.length !== 3) usage('a JWKS file, a status-list file and a token file are needed');
  if (!options.unit) usage('--unit=<the checking unit\'s code> is needed');
  let now = Date.now();
  if (options.now !== undefined) {
    now = Date.parse(options.now);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(options.now) || Number.isNaN(now)) usage(`--now is not an ISO-8601 instant: ${options.now}`);
  }
  let minNumber;
  if (options['min-number'] !== undefined) {
    if (!/^\d+$/.test(options['min-number'])) usage(`--min-number is not a number: ${options['min-number']}`);
    minNumber = Number(options['min-number']);
  }
  let keys;
  let listJws;
  let token;
  let roots;
  try {
    if (options.roots !== undefined) {
      roots = pemCertificates(readFileSync(options.roots, 'utf8'));
      if (roots.length === 0) throw new Error(`no certificate in ${options.roots}`);
    }
    keys = JSON.parse(readFileSync(jwksFile, 'utf8')).keys;
    if (!Array.isArray(keys)) throw new Error('no "keys" array');
    listJws = readFileSync(listFile, 'utf8');
    token = readFileSync(tokenFile, 'utf8').trim();
  } catch (e) {
    usage(`unreadable input: ${e.message}`);
  }
  try {
    const { copy, proof } = await checkToken(keys, token, options.unit, now, roots);
    const list = checkStatus(keys, listJws, copy, now, minNumber);
    const { _sd: subjectDigests, kind, ...subject } = proof.subject || {};
    const { _sd: claimDigests, ...claims } = proof.claims || {};
    console.log(JSON.stringify({
      valid: true,
      copy: { id: copy.jti, unit: copy.aud, purpose: copy.purpose, expiresAt: new Date(copy.exp * 1000).toISOString(), issuer: copy.iss },
      proof: { number: proof.number, matter: proof.matter, validUntil: proof.validUntil, status: copy.status },
      disclosed: { subject, claims },
      statusList: { number: list.number, issuedAt: list.issuedAt, validUntil: list.validUntil },
    }));
    process.exit(0);
  } catch (e) {
    const reason = e instanceof Rejected ? e.message : `error: ${e.message}`;
    console.log(JSON.stringify({ valid: false, reason }));
    console.error(`copy refused: ${reason}`);
    process.exit(1);
  }
}

main();
