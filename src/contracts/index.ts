export * from './common.ts';
export * from './errors.ts';
export * from './accounts.ts';
export * from './admin.ts';
export * from './instance.ts';
export * from './journey.ts';
export * from './meetings.ts';
export * from './safety.ts';
