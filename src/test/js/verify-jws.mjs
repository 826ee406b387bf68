#!/usr/bin/env node
// Independent verifier of certfree JWS: given ONLY the published JWKS (/.well-known/jwks.json) and a
// JWS (compact, or JSON general/flattened serialization), checks every signature with libraries that
// share no code with the service — jose (EdDSA / Ed25519, RFC 8037) and sm-crypto (SM2 with SM3,
// user ID "1234567812345678", signature raw r||s).
//
// Usage:   node verify-jws.mjs <jwks.json> <jws-file>
// Exit:    0 every signature verifies; 1 some signature does not; 2 bad usage or unreadable input.
// Output:  one JSON line per signature, then a summary line.
//
// Besides the signature it applies the JWKS rules the service documents: the kid must be in the
// JWKS with the same alg, and on a compromised key (member "exp") a signature whose protected
// header "iat" is missing or at/after "exp" is rejected.

import { readFileSync } from 'node:fs';
import { parseJws, verifySignature } from './signatures.mjs';

function fail(message) {
  console.error(message);
  process.exit(2);
}

async function main() {
  const [jwksFile, jwsFile] = process.argv.slice(2);
  if (!jwksFile || !jwsFile) fail('usage: node verify-jws.mjs <jwks.json> <jws-file>');
  let keys;
  let jws;
  try {
    keys = JSON.parse(readFileSync(jwksFile, 'utf8')).keys;
    if (!Array.isArray(keys)) throw new Error('no "keys" array');
    jws = parseJws(readFileSync(jwsFile, 'utf8'));
  } catch (e) {
    fail(`unreadable input: ${e.message}`);
  }
  let allValid = true;
  for (const sig of jws.signatures) {
    let r;
    try {
      r = await verifySignature(sig, jws.payload, keys);
    } catch (e) {
      r = { valid: false, reason: `error: ${e.message}` };
    }
    console.log(JSON.stringify(r));
    allValid = allValid && r.valid;
  }
  console.log(JSON.stringify({ signatures: jws.signatures.length, valid: allValid }));
  process.exit(allValid ? 0 : 1);
}

main();
