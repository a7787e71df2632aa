import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { backupEventLog } from './backup-command';

/** `npm run backup -- <file>`: exit 0 copied, 2 failure. */
const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run backup -- <file>');
  process.exit(2);
}
backupEventLog(loadConfig(process.env), target).then(
  ({ file, pages }) => {
    console.log(`Backed up the event log to ${file} (${pages} pages)`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
