import type { Messages } from './messages-en';
import { nlApp } from './messages-nl/app';
import { nlErrors } from './messages-nl/errors';
import { nlFacilitation } from './messages-nl/facilitation';
import { nlSession } from './messages-nl/session';

/** Nederlandse teksten. Zelfde sleutels als messages-en.ts; "je" en de woorden van het vak. */
export const nl: Messages = { ...nlApp, ...nlSession, ...nlFacilitation, ...nlErrors };
