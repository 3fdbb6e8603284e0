import type { Channel } from '../../situation.ts';

/** Channels that carry a written text; sending one without its text for the guard is refused. */
export const MESSAGE_CHANNELS: ReadonlySet<Channel> = new Set(['sms', 'email', 'app_push', 'letter']);
