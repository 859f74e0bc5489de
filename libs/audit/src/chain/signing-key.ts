import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** File name of the generated key in DATA_DIR. */
export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

/** The engine's Ed25519 key that signs audit checkpoints. */
export class AuditSigningKey {
  readonly publicKeyPem: string;
  /** First 16 hex characters of sha256(SPKI DER): names the key in each checkpoint. */
  readonly keyId: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The audit signing key must be an Ed25519 key');
    const publicKey = createPublicKey(privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = keyIdOf(this.publicKeyPem);
  }

  sign(message: Buffer): Buffer {
    return sign(null, message, this.privateKey);
  }
}

export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function verifySignature(publicKeyPem: string, message: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, message, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

/**
 * The key from AUDIT_SIGNING_KEY (a PKCS#8 PEM) when set, else DATA_DIR/audit-signing-key.pem,
 * generated on first use (mode 0600). Rotation: set a new key; old checkpoints keep the id of
 * the key that signed them and its public key stays in audit_signing_keys.
 */
export function loadSigningKey(options: { dataDir: string; pem?: string }): AuditSigningKey {
  if (options.pem && options.pem.trim() !== '') {
    try {
      return new AuditSigningKey(createPrivateKey(options.pem.replace(/\\n/g, '\n')));
    } catch (error) {
      throw new Error(`AUDIT_SIGNING_KEY is not a PKCS#8 PEM Ed25519 private key: ${(error as Error).message}`);
    }
  }
  const file = join(options.dataDir, SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return new AuditSigningKey(createPrivateKey(readFileSync(file, 'utf8')));
}
