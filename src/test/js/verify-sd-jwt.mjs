#!/usr/bin/env node
// Independent verifier of certfree SD-JWT proofs (RFC 9901) with @sd-jwt/core: given ONLY the
// published JWKS (/.well-known/jwks.json) and an SD-JWT as a holder presents it — compact
// "<issuer-signed JWT>~<disclosure>~…~" or the general JSON serialization with the disclosures in the
// first signature's unprotected header — checks the issuer's signature(s) with jose / sm-crypto (see
// signatures.mjs) and every disclosure against the signed digests (@sd-jwt/core refuses a disclosure
// whose digest the payload does not hold), and prints what the verifier learns.
//
// Usage:   node verify-sd-jwt.mjs <jwks.json> <sd-jwt-file>
// Exit:    0 verified; 1 refused (signature or disclosure); 2 bad usage or unreadable input.
// Output:  one JSON line: {"verified":true,"typ":"…","claims":{…disclosed claims, digests removed…}} or
//          {"verified":false,"reason":"…"}.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GeneralJSON, SDJwtGeneralJSONInstance, SDJwtInstance } from '@sd-jwt/core';
import { b64urlToBuffer, verifySignature } from './signatures.mjs';

function fail(message) {
  console.error(message);
  process.exit(2);
}

const ACCEPTED_TYPES = ['certfree-proof+sd-jwt', 'certfree-pledge+sd-jwt'];

const hasher = (data, alg) => {
  if (alg !== 'sha-256') throw new Error(`unsupported _sd_alg ${alg}`);
  return new Uint8Array(createHash('sha256').update(data).digest());
};

async function main() {
  const [jwksFile, sdJwtFile] = process.argv.slice(2);
  if (!jwksFile || !sdJwtFile) fail('usage: node verify-sd-jwt.mjs <jwks.json> <sd-jwt-file>');
  let keys;
  let presented;
  try {
    keys = JSON.parse(readFileSync(jwksFile, 'utf8')).keys;
    if (!Array.isArray(keys)) throw new Error('no "keys" array');
    presented = readFileSync(sdJwtFile, 'utf8').trim();
  } catch (e) {
    fail(`unreadable input: ${e.message}`);
  }
  // @sd-jwt/core hands the verifier "<protected>.<payload>" and the signature; the key is the JWKS's
  // by the protected header's kid (signatures.mjs applies the JWKS rules).
  const verifier = async (data, signature) => {
    const [protectedHeader, payload] = data.split('.');
    const r = await verifySignature({ protected: protectedHeader, signature }, payload, keys);
    if (!r.valid) console.error(`signature ${r.kid} (${r.alg}): ${r.reason}`);
    return r.valid;
  };
  try {
    let claims;
    let protectedHeaders;
    if (presented.startsWith('{')) {
      const general = JSON.parse(presented);
      const sd = new SDJwtGeneralJSONInstance({ hasher, verifier });
      ({ payload: claims } = await sd.verify(GeneralJSON.fromSerialized(general)));
      protectedHeaders = general.signatures.map((s) => s.protected);
    } else {
      const sd = new SDJwtInstance({ hasher, verifier });
      ({ payload: claims } = await sd.verify(presented));
      protectedHeaders = [presented.split('.')[0]];
    }
    // every protected header must say what the issuer said the type is: a proof or a pledge document
    // (告知承诺书), the same in every signature
    const types = new Set(protectedHeaders.map((h) => JSON.parse(b64urlToBuffer(h).toString('utf8')).typ));
    const [typ] = types;
    if (types.size !== 1 || !ACCEPTED_TYPES.includes(typ)) throw new Error(`typ ${[...types].join(', ')}`);
    console.log(JSON.stringify({ verified: true, typ, claims }));
    process.exit(0);
  } catch (e) {
    console.log(JSON.stringify({ verified: false, reason: e.message }));
    process.exit(1);
  }
}

main();
