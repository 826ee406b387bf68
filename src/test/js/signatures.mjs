// Signature checks shared by the independent verifiers: a JWS signature against the published JWKS,
// with libraries that share no code with the service — jose (EdDSA / Ed25519, RFC 8037) and sm-crypto
// (SM2 with SM3, user ID "1234567812345678", signature raw r||s). The JWKS rules the service documents
// apply: the kid must be in the JWKS with the same alg, and on a compromised key (member "exp") a
// signature whose protected header "iat" is missing or at/after "exp" is rejected.

import { flattenedVerify, importJWK } from 'jose';
import smCrypto from 'sm-crypto';

const { sm2 } = smCrypto;
const SM2_USER_ID = '1234567812345678';

export function b64urlToBuffer(s) {
  if (typeof s !== 'string' || !/^[A-Za-z0-9_-]*$/.test(s)) {
    throw new Error('not base64url');
  }
  return Buffer.from(s, 'base64url');
}

export function parseJws(text) {
  const t = text.trim();
  if (t.startsWith('{')) {
    const doc = JSON.parse(t);
    if (typeof doc.payload !== 'string') throw new Error('no payload');
    const signatures = Array.isArray(doc.signatures)
      ? doc.signatures
      : [{ protected: doc.protected, header: doc.header, signature: doc.signature }];
    if (signatures.length === 0) throw new Error('no signatures');
    return { payload: doc.payload, signatures };
  }
  const parts = t.split('.');
  if (parts.length !== 3) throw new Error('compact JWS must have three parts');
  return { payload: parts[1], signatures: [{ protected: parts[0], signature: parts[2] }] };
}

export async function verifySignature(sig, payload, keys) {
  const header = JSON.parse(b64urlToBuffer(sig.protected).toString('utf8'));
  const { alg, kid, iat } = header;
  const result = { kid, alg, valid: false };
  const jwk = keys.find((k) => k.kid === kid);
  if (!jwk) return { ...result, reason: 'kid not in the JWKS' };
  if (jwk.alg !== alg) return { ...result, reason: `alg ${alg} does not match the key's ${jwk.alg}` };

  let signatureOk = false;
  if (alg === 'EdDSA') {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') return { ...result, reason: 'not an Ed25519 key' };
    const key = await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'EdDSA');
    try {
      await flattenedVerify({ protected: sig.protected, payload, signature: sig.signature }, key, { algorithms: ['EdDSA'] });
      signatureOk = true;
    } catch (e) {
      return { ...result, reason: `jose: ${e.code || e.message}` };
    }
  } else if (alg === 'SM2SM3') {
    if (jwk.kty !== 'EC' || jwk.crv !== 'SM2') return { ...result, reason: 'not an SM2 key' };
    const x = b64urlToBuffer(jwk.x);
    const y = b64urlToBuffer(jwk.y);
    const rs = b64urlToBuffer(sig.signature);
    if (x.length !== 32 || y.length !== 32) return { ...result, reason: 'SM2 key coordinates must be 32 bytes' };
    if (rs.length !== 64) return { ...result, reason: 'SM2 signature must be r||s, 64 bytes' };
    const publicKeyHex = '04' + x.toString('hex') + y.toString('hex');
    const signingInput = `${sig.protected}.${payload}`;
    signatureOk = sm2.doVerifySignature(signingInput, rs.toString('hex'), publicKeyHex, {
      der: false,
      hash: true,
      userId: SM2_USER_ID,
    });
    if (!signatureOk) return { ...result, reason: 'sm-crypto: signature does not verify' };
  } else {
    return { ...result, reason: `alg ${alg} is not accepted` };
  }

  if (jwk.exp !== undefined && (typeof iat !== 'number' || iat >= jwk.exp)) {
    return { ...result, reason: `key compromised from ${jwk.exp}; signed at ${iat}` };
  }
  return { ...result, valid: signatureOk, dept: jwk.dept };
}

