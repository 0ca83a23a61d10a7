import { describe, expect, it } from 'vitest';
import { parseRoomCode, type RoomCode } from '../../lib/room/code';
import { deriveRoomSecrets } from '../../lib/room/keys';

function code(text: string): RoomCode {
  const parsed = parseRoomCode(text);
  if (!parsed.ok) throw new Error(parsed.error.code);
  return parsed.value;
}

describe('deriveRoomSecrets', () => {
  it('gives every peer with the same code the same room and password', async () => {
    const a = await deriveRoomSecrets(code('K7QM-PX4R-9T'));
    const b = await deriveRoomSecrets(code('k7qm px4r 9t'));
    expect(a).toEqual(b);
    expect(a.roomName).toMatch(/^kring-[0-9a-f]{64}$/);
  });

  it('reveals neither the code nor the password in the room name', async () => {
    const secrets = await deriveRoomSecrets(code('K7QM-PX4R-9T'));
    expect(secrets.roomName.toUpperCase()).not.toContain('K7QMPX4R9T');
    expect(secrets.roomName).not.toContain(secrets.password);
  });

  it('gives different codes different rooms', async () => {
    const a = await deriveRoomSecrets(code('K7QM-PX4R-9T'));
    const b = await deriveRoomSecrets(code('K7QM-PX4R-9V'));
    expect(a.roomName).not.toBe(b.roomName);
    expect(a.password).not.toBe(b.password);
  });

  it('keeps the room but changes the password with a passphrase', async () => {
    const plain = await deriveRoomSecrets(code('K7QM-PX4R-9T'));
    const withPassphrase = await deriveRoomSecrets(code('K7QM-PX4R-9T'), ' Buurt 2026 ');
    const wrong = await deriveRoomSecrets(code('K7QM-PX4R-9T'), 'buurt 2026');
    expect(withPassphrase.roomName).toBe(plain.roomName);
    expect(withPassphrase.password).not.toBe(plain.password);
    expect(wrong.password).not.toBe(withPassphrase.password);
    expect(await deriveRoomSecrets(code('K7QM-PX4R-9T'), 'Buurt 2026')).toEqual(withPassphrase);
  });
});
