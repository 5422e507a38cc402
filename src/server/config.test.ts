import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  test('defaults: port 3000 on 127.0.0.1, ./data, public URL on localhost, no SMTP', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, databasePoolSize: 10, publicUrl: 'http://localhost:3000', smtp: undefined, trustProxy: false });
    expect(c.dataDir).toBe(path.resolve('data'));
  });

  test('variables are read and empty ones count as unset', () => {
    const c = loadConfig({ PORT: '8080', PUBLIC_URL: 'https://recovery.example.org/', DATABASE_URL: '', SMTP_HOST: 'smtp.example.org', SMTP_PORT: '465', SMTP_SECURE: 'true', TRUST_PROXY: '1' });
    expect(c).toMatchObject({ port: 8080, publicUrl: 'https://recovery.example.org', databaseUrl: undefined, trustProxy: true, smtp: { host: 'smtp.example.org', port: 465, secure: true } });
  });

  test('bad values stop the start with a message naming each variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', PUBLIC_URL: 'not a url', KINDRED_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(loadConfig({ DATABASE_POOL_SIZE: '24' }).databasePoolSize).toBe(24);
    try {
      loadConfig({ PORT: 'eighty', PUBLIC_URL: 'not a url', KINDRED_SECRET: 'short' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/PUBLIC_URL/);
      expect((err as Error).message).toMatch(/KINDRED_SECRET/);
    }
  });
});
