// Checks that an SM2 key of the JWKS is certified: its "x5c" chain (RFC 7517 §4.7: base64 DER, leaf first) binds
// the JWK's public key, each certificate is signed by the next with SM3withSM2 (sm-crypto, default user ID
// "1234567812345678"), the last one is signed by — or is — one of the trusted roots given as PEM, and every
// certificate is valid at the signing time; every issuer is a CA (basicConstraints cA, keyUsage keyCertSign).
// Revocation is not checked here: a compromised key shows in the JWKS as its "exp". A small DER reader of our own
// walks the certificates: it reads only the fields the check needs and refuses anything it does not expect, so a
// malformed chain is refused, never skipped.

import smCrypto from 'sm-crypto';

const { sm2 } = smCrypto;
const SM2_USER_ID = '1234567812345678';
const SM3_WITH_SM2 = '2a811ccf55018375'; // 1.2.156.10197.1.501
const EC_PUBLIC_KEY = '2a8648ce3d0201'; // 1.2.840.10045.2.1
const BASIC_CONSTRAINTS = '551d13'; // 2.5.29.19
const KEY_USAGE = '551d0f'; // 2.5.29.15

export class ChainRejected extends Error {}

// One DER element at offset: tag, header length, content start and end.
function tlv(buf, offset) {
  if (offset + 2 > buf.length) throw new ChainRejected('truncated DER');
  const tag = buf[offset];
  let len = buf[offset + 1];
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 3 || offset + 2 + n > buf.length) throw new ChainRejected('bad DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = (len << 8) | buf[offset + 2 + i];
    header += n;
  }
  const start = offset + header;
  const end = start + len;
  if (end > buf.length) throw new ChainRejected('truncated DER');
  return { tag, offset, start, end, raw: buf.subarray(offset, end), content: buf.subarray(start, end) };
}

function children(buf, el) {
  const out = [];
  for (let o = el.start; o < el.end;) {
    const c = tlv(buf, o);
    out.push(c);
    o = c.end;
  }
  return out;
}

function time(el) {
  const s = Buffer.from(el.content).toString('ascii');
  let m;
  if (el.tag === 0x17 && (m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s))) {
    const year = Number(m[1]) < 50 ? 2000 + Number(m[1]) : 1900 + Number(m[1]);
    return Date.UTC(year, m[2] - 1, m[3], m[4], m[5], m[6]);
  }
  if (el.tag === 0x18 && (m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s))) {
    return Date.UTC(m[1], m[2] - 1, m[3], m[4], m[5], m[6]);
  }
  throw new ChainRejected(`unreadable certificate time ${s}`);
}

/** The parts of a DER certificate the chain check reads. */
export function parseCertificate(der) {
  const buf = Buffer.from(der);
  const cert = tlv(buf, 0);
  if (cert.tag !== 0x30 || cert.end !== buf.length) throw new ChainRejected('not a DER certificate');
  const [tbs, alg, sig] = children(buf, cert);
  if (!tbs || !alg || !sig || tbs.tag !== 0x30 || sig.tag !== 0x03) throw new ChainRejected('not a certificate');
  const algOid = children(buf, alg)[0];
  if (Buffer.from(algOid.content).toString('hex') !== SM3_WITH_SM2) throw new ChainRejected('not signed with SM3withSM2');
  let fields = children(buf, tbs);
  if (fields[0].tag === 0xa0) fields = fields.slice(1); // version
  const [, , issuer, validity, subject, spki] = fields;
  // extensions [3]: basicConstraints cA and keyUsage keyCertSign, which a CA certificate must carry
  let ca = false;
  let certSign = false;
  const extensions = fields.find((f) => f.tag === 0xa3);
  if (extensions) {
    for (const ext of children(buf, children(buf, extensions)[0])) {
      const parts = children(buf, ext);
      const oid = Buffer.from(parts[0].content).toString('hex');
      const value = parts[parts.length - 1]; // OCTET STRING holding the extension's DER
      if (oid === BASIC_CONSTRAINTS) {
        const inner = tlv(Buffer.from(value.content), 0);
        const first = children(Buffer.from(value.content), inner)[0];
        ca = first !== undefined && first.tag === 0x01 && first.content[0] !== 0;
      } else if (oid === KEY_USAGE) {
        const bits = tlv(Buffer.from(value.content), 0).content; // BIT STRING: unused-bits byte, then the bits
        certSign = bits.length > 1 && (bits[1] & 0x04) !== 0; // keyCertSign is bit 5
      }
    }
  }
  const [notBefore, notAfter] = children(buf, validity);
  const [spkiAlg, spkiKey] = children(buf, spki);
  if (Buffer.from(children(buf, spkiAlg)[0].content).toString('hex') !== EC_PUBLIC_KEY) throw new ChainRejected('not an EC key');
  const point = Buffer.from(spkiKey.content.subarray(1)); // BIT STRING: unused-bits byte, then the point
  if (point.length !== 65 || point[0] !== 0x04) throw new ChainRejected('not an uncompressed SM2 point');
  return {
    tbs: Buffer.from(tbs.raw),
    signatureDerHex: Buffer.from(sig.content.subarray(1)).toString('hex'),
    issuer: Buffer.from(issuer.raw).toString('hex'),
    subject: Buffer.from(subject.raw).toString('hex'),
    notBefore: time(notBefore),
    notAfter: time(notAfter),
    publicKeyHex: point.toString('hex'),
    canSignCertificates: ca && certSign,
    der: buf,
  };
}

/** The DER certificates of a PEM text. */
export function pemCertificates(pem) {
  const out = [];
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  for (let m; (m = re.exec(pem));) out.push(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  return out;
}

function signedBy(cert, issuer) {
  return cert.issuer === issuer.subject
    && sm2.doVerifySignature(Array.from(cert.tbs), cert.signatureDerHex, issuer.publicKeyHex, {
      der: true,
      hash: true,
      userId: SM2_USER_ID,
    });
}

/**
 * Checks the x5c chain of the SM2 JWK {@code jwk} against the root certificates (DER) at instant {@code atMs};
 * throws ChainRejected saying what failed.
 */
export function checkChain(jwk, rootsDer, atMs) {
  if (!jwk) throw new ChainRejected('the signing key is not in the JWKS');
  if (!Number.isFinite(atMs)) throw new ChainRejected(`no signing time to check the certificates of ${jwk.kid} at`);
  if (!Array.isArray(jwk.x5c) || jwk.x5c.length === 0) throw new ChainRejected(`key ${jwk.kid} has no x5c chain`);
  const chain = jwk.x5c.map((c) => parseCertificate(Buffer.from(c, 'base64')));
  const roots = rootsDer.map(parseCertificate);
  const keyHex = '04' + Buffer.from(jwk.x, 'base64url').toString('hex') + Buffer.from(jwk.y, 'base64url').toString('hex');
  if (chain[0].publicKeyHex !== keyHex) throw new ChainRejected(`the certificate of ${jwk.kid} is for another key`);
  for (const c of chain) {
    if (atMs < c.notBefore || atMs > c.notAfter) {
      throw new ChainRejected(`a certificate of ${jwk.kid} is not valid at ${new Date(atMs).toISOString()}`);
    }
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!chain[i + 1].canSignCertificates) throw new ChainRejected(`certificate ${i + 1} of ${jwk.kid} is not a CA's`);
    if (!signedBy(chain[i], chain[i + 1])) throw new ChainRejected(`certificate ${i} of ${jwk.kid} is not signed by the next`);
  }
  const top = chain[chain.length - 1];
  const anchored = roots.some((r) => (r.der.equals(top.der) && signedBy(r, r))
    || (r.canSignCertificates && signedBy(top, r)));
  if (!anchored) throw new ChainRejected(`the chain of ${jwk.kid} does not end at a trusted root`);
}
