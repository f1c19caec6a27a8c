// HighLevel signs the raw body. `x-ghl-signature` is Ed25519 (base64); the legacy `x-wh-signature`
// is RSA-SHA256 (base64), which HighLevel is retiring. Like HighLevel's SDK, the Ed25519 header is
// checked first; a request passes when the first signature present verifies with its key.
import { createPublicKey, verify, type KeyObject } from 'crypto';

export interface SignatureKeys {
  ed25519?: KeyObject;
  rsa?: KeyObject;
}

export function loadSignatureKeys(ed25519Pem?: string, rsaPem?: string): SignatureKeys {
  return {
    ed25519: ed25519Pem ? createPublicKey(ed25519Pem) : undefined,
    rsa: rsaPem ? createPublicKey(rsaPem) : undefined,
  };
}

type Header = string | string[] | undefined;
const single = (value: Header): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export type SignatureCheck = 'valid' | 'unsigned' | 'invalid';

export function checkSignature(
  raw: Buffer,
  headers: Record<string, Header>,
  keys: SignatureKeys,
): SignatureCheck {
  const ed25519 = single(headers['x-ghl-signature']);
  const rsa = single(headers['x-wh-signature']);
  try {
    if (ed25519 && keys.ed25519) {
      return verify(null, raw, keys.ed25519, Buffer.from(ed25519, 'base64')) ? 'valid' : 'invalid';
    }
    if (rsa && keys.rsa) {
      return verify('sha256', raw, keys.rsa, Buffer.from(rsa, 'base64')) ? 'valid' : 'invalid';
    }
  } catch {
    return 'invalid';
  }
  // A header with no key to check it against proves nothing.
  return ed25519 || rsa ? 'invalid' : 'unsigned';
}
