import type { RoomCodeError } from '../room/code';
import type { SessionError } from '../session/types';
import type { Translate } from './translate';

/** A refusal of the session engine as a sentence for the person who caused it. */
export function describeSessionError(t: Translate, error: SessionError): string {
  switch (error.code) {
    case 'newer-schema':
      return t('error.newer-schema', { found: error.found, supported: error.supported });
    case 'text-too-long':
      return t('error.text-too-long', { length: error.length, limit: error.limit });
    case 'too-many-items':
    case 'too-many-phases':
    case 'too-many-themes':
    case 'too-many-drafts':
    case 'item-vote-limit':
      return t(`error.${error.code}`, { limit: error.limit });
    case 'no-votes-left':
      return t('error.no-votes-left', { budget: error.budget });
    case 'invalid-date':
      return t('error.invalid-date', { value: error.value });
    default:
      return t(`error.${error.code}`);
  }
}

/** Why a typed room code is not one, with the numbers a person needs to fix it. */
export function describeRoomCodeError(t: Translate, error: RoomCodeError): string {
  switch (error.code) {
    case 'too-short':
    case 'too-long':
      return t(`join.error.${error.code}`, { length: error.length, expected: error.expected });
    case 'invalid-character':
      return t('join.error.invalid-character', {
        character: error.character,
        position: error.position,
      });
    default:
      return t(`join.error.${error.code}`);
  }
}
