import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/temp-dir';
import { createFileLogger, LOG_FILE_NAME } from './file-logger';

describe('createFileLogger', () => {
  const temp = useTempDir();

  it('appends one JSON object per line with level, message and detail, and echoes a short line', () => {
    const echoed: string[] = [];
    const logger = createFileLogger({ directory: join(temp.path, 'logs'), echo: (_level, line) => echoed.push(line) });
    logger.log('info', 'Core started', { shell: 'host' });
    logger.log('error', 'Request failed', { method: 'app.info' });
    const lines = readFileSync(join(temp.path, 'logs', LOG_FILE_NAME), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'info', message: 'Core started', shell: 'host' }),
      expect.objectContaining({ level: 'error', message: 'Request failed', method: 'app.info' }),
    ]);
    expect(echoed).toEqual(['info: Core started', 'error: Request failed']);
  });

  it('rotates the log once it passes 5 MB', () => {
    const directory = join(temp.path, 'logs');
    const logger = createFileLogger({ directory });
    writeFileSync(join(directory, LOG_FILE_NAME), 'x'.repeat(5 * 1024 * 1024 + 1));
    logger.log('warn', 'after rotation');
    expect(existsSync(join(directory, `${LOG_FILE_NAME}.1`))).toBe(true);
    expect(readFileSync(join(directory, LOG_FILE_NAME), 'utf8')).toContain('after rotation');
  });
});
