import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/app-config';
import { writesPrettyLogs } from './pino-logger';
import { startupBlock, startupSummary } from './startup-summary';

describe('the start-up summary', () => {
  it('says where the page, the docs and the generated keys are, on the embedded store', () => {
    const config = loadConfig({ TIMELINE_DATA_DIR: '/srv/timeline' });
    const block = startupBlock(startupSummary(config, 3000));
    expect(block.split('\n')[0]).toBe('Treaty Timeline is listening on http://localhost:3000');
    expect(block).toContain('Page       http://localhost:3000/');
    expect(block).toContain('API docs   http://localhost:3000/docs');
    expect(block).toContain('embedded SQLite file /srv/timeline/events.db');
    expect(block).toContain('in /srv/timeline/api-keys');
  });

  it('never shows the keys or the credentials of a connection string', () => {
    const config = loadConfig({
      EVENTSTORE_CONNECTION_STRING: 'esdb://admin:changeit@node1:2113?tls=false',
      TIMELINE_API_KEYS: 'editor:Qx7v9LmR2pTz4KwN8sYb',
    });
    const block = startupBlock(startupSummary(config, 8080));
    expect(block).toContain('EventStoreDB at esdb://node1:2113?tls=false');
    expect(block).toContain('from TIMELINE_API_KEYS');
    expect(block).not.toContain('changeit');
    expect(block).not.toContain('Qx7v9LmR2pTz4KwN8sYb');
  });
});

describe('the log format', () => {
  it('is readable at a terminal and JSON lines otherwise, unless chosen', () => {
    expect(writesPrettyLogs(loadConfig({}), true)).toBe(true);
    expect(writesPrettyLogs(loadConfig({}), false)).toBe(false);
    expect(writesPrettyLogs(loadConfig({ TIMELINE_LOG_FORMAT: 'json' }), true)).toBe(false);
    expect(writesPrettyLogs(loadConfig({ TIMELINE_LOG_FORMAT: 'pretty' }), false)).toBe(true);
  });
});
