import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { connectService, createMatchService, serveService } from '../../../../electron/core/service/index.js';
import { tempFolder } from '../io/helpers.js';
import { trigramEngine } from './fake-engine.js';

// Issue 12 in the app: a pathological file is an error the import card shows, never a dead
// worker; the service answers the next request as before.
const tmp = tempFolder('tm-service-hardening-');

describe('the match service across its message port, on pathological files', () => {
  const channel = new MessageChannel();
  serveService(channel.port1, createMatchService({ modelDir: '/none', engine: trigramEngine() }));
  const remote = connectService(channel.port2);
  afterAll(() => {
    channel.port1.close();
    channel.port2.close();
  });

  it('answers a huge cell and an unclosed quote with errors that say what to do, and goes on', async () => {
    const huge = tmp.file('huge-cell.csv', `Title\nNurse\n${'A'.repeat(20_000_000)}\n`);
    await expect(remote.loadTable(huge, null)).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/huge-cell\.csv: the cell in line 3, column 1 holds more than 32,767 characters/) as unknown });
    const rows = Array.from({ length: 5_000 }, (_, i) => `Engineer ${i}`).join('\n');
    const unclosed = tmp.file('unclosed.csv', `Title\n"Nurse\n${rows}\n`);
    await expect(remote.loadTable(unclosed, null)).rejects.toMatchObject({ message: expect.stringMatching(/unclosed\.csv: the .* line 2/) as unknown });
    const fine = await remote.loadTable(tmp.file('fine.csv', 'Title\nNurse\nChef\n'), null);
    expect(fine.rowCount).toBe(2);
  });

  it('passes the reader’s warnings on to the import card', async () => {
    const mixed = tmp.file('mixed.csv', Buffer.concat([Buffer.from('Title\nDéveloppeur\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]));
    const s = await remote.loadTable(mixed, null);
    expect(s.warnings).toEqual([expect.stringMatching(/1 byte\(s\) are not valid UTF-8 \(the first in line 3\)/)]);
  });
});
