import { spawn } from 'node:child_process';
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, test } from 'vitest';
import { createTestApp, listen } from '../../../test/helpers/app.ts';
import { createUser } from '../../../test/helpers/factories.ts';
import { realtimeHubOf } from './routes.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/**
 * 10,000 idle sockets must fit in one instance. Clients in another process hold 2,000 live sockets; the server's
 * heap grows by the sockets' share only. (An upgraded socket that kept its HTTP request and response measured
 * 7.9 KB; 3.8 KB without them. bench/ records the whole process's memory per idle socket.)
 */
test('an idle socket costs the server under 6 KB of heap', { timeout: 120_000 }, async () => {
  const ctx = await createTestApp();
  try {
    const base = await listen(ctx.app);
    const user = await createUser(ctx);
    const n = 2000;
    const before = heapUsed();
    const clients = `
      const WebSocket = require('ws');
      let live = 0;
      for (let i = 0; i < ${n}; i++) {
        const ws = new WebSocket(${JSON.stringify(`${base.replace('http', 'ws')}/api/v1/realtime`)}, { headers: { cookie: ${JSON.stringify(user.cookie)}, origin: 'http://localhost:3000' } });
        ws.on('message', (d) => {
          const f = JSON.parse(d);
          if (f.type === 'hello') ws.send('{"type":"resume"}');
          if (f.type === 'resumed' && ++live === ${n}) console.log('ready');
        });
      }
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', clients], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => child.stdout.on('data', (d) => String(d).includes('ready') && resolve()));
      expect(realtimeHubOf(ctx.app)!.connections).toBe(n);
      const perSocket = (heapUsed() - before) / n;
      expect(perSocket).toBeLessThan(6000);
    } finally {
      child.kill();
    }
  } finally {
    await ctx.close();
  }
});
