// Every table, gathered for drizzle-kit and for the typed database handle. Each domain owns its tables.
export * from '../modules/accounts/tables.ts';
export * from '../modules/audit/tables.ts';
export * from '../modules/instance/tables.ts';
export * from '../mail/tables.ts';
export * from '../modules/journey/tables.ts';
export * from '../modules/mentoring/tables.ts';
export * from '../events/tables.ts';
export * from '../modules/meetings/tables.ts';
export * from '../modules/safety/tables.ts';
export * from '../modules/notifications/tables.ts';
export * from '../modules/community/tables.ts';
export * from '../modules/resources/tables.ts';
export * from '../modules/messaging/tables.ts';
export * from '../realtime/tables.ts';
