import type { RoomCode } from '../room/code';
import { deriveRoomSecrets, type RoomSecrets } from '../room/keys';

export type SecretsFor = (code: RoomCode, passphrase: string) => Promise<RoomSecrets>;

/**
 * The KDF is slow on purpose (~0.3-1 s); a session's secrets are derived once per panel and
 * kept in memory only, keyed by what they are derived from.
 */
export function createSecretsCache(): SecretsFor & { clear(): void } {
  const secretsCache = new Map<string, Promise<RoomSecrets>>();
  const secretsFor: SecretsFor = (code, passphrase) => {
    const key = JSON.stringify([code, passphrase]);
    let secrets = secretsCache.get(key);
    if (!secrets) {
      secrets = deriveRoomSecrets(code, passphrase);
      secretsCache.set(key, secrets);
    }
    return secrets;
  };
  // "Delete everything on this device" forgets the keys of the sessions it removed too.
  return Object.assign(secretsFor, { clear: () => secretsCache.clear() });
}
