import type { CoreMessages } from './messages-en';
import { nlApp } from './messages-nl/app';
import { nlContinue } from './messages-nl/continue';
import { nlErrors } from './messages-nl/errors';
import { nlFacilitation } from './messages-nl/facilitation';
import { nlKit } from './messages-nl/kit';
import { nlSession } from './messages-nl/session';

/**
 * Nederlandse teksten. Zelfde sleutels als messages-en.ts; "je" en de woorden van het vak.
 * De teksten van de werkvormenkist laden met hun schermen: workshop-messages.ts.
 */
export const nl: CoreMessages = {
  ...nlApp,
  ...nlSession,
  ...nlFacilitation,
  ...nlErrors,
  ...nlContinue,
  ...nlKit,
};
