import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Notifications } from '../db/notifications.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Auth } from './accounts/auth.ts';
import type { InstanceSettings } from './instance/service.ts';

/** What every domain service is built from. */
export interface ServiceContext {
  config: Config;
  db: Db;
  auth: Auth;
  mailer: Mailer;
  limiter: RateLimiter;
  settings: InstanceSettings;
  /** Cross-instance change notifications, for caches the database invalidates. */
  notifications?: Notifications;
}
