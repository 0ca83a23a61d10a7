import type { RoomCode } from '../room/code';
import { deriveRoomSecrets, type RoomSecrets } from '../room/keys';

export type SecretsFor = (code: RoomCode, passphrase: string) => Promise<RoomSecrets>;

/**
 * The KDF is slow on purpose (~0.3-1 s); a session's secrets are derived once per panel and
 * kept in memory only, keyed by what they are derived from.
 */
export function createSecretsCache(): SecretsFor {
  const secretsCache = new Map<string, Promise<RoomSecrets>>();
  return function secretsFor(code, passphrase) {
    const key = JSON.stringify([code, passphrase]);
    let secrets = secretsCache.get(key);
    if (!secrets) {
      secrets = deriveRoomSecrets(code, passphrase);
      secretsCache.set(key, secrets);
    }
    return secrets;
  };
}
