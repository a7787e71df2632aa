import 'reflect-metadata';
import { CHECKPOINTS_FILE } from '../audit/issued-checkpoints';
import { loadConfig } from '../config/app-config';
import { restoreEventLog, RestoreRefused } from './restore-command';

/**
 * `npm run restore -- <backup.db>`: puts a backup in place as the data directory's log, with the service stopped.
 * Exit 0 restored, 1 the backup fails verification, 2 refused (service running, not a backup, usage) or failure.
 */
const backup = process.argv[2];
if (!backup || process.argv.length > 3) {
  console.error('Usage: npm run restore -- <backup.db>   (with the service stopped, on its TIMELINE_DATA_DIR)');
  process.exit(2);
}
restoreEventLog(loadConfig(process.env), backup).then(
  (report) => {
    console.log(`Restored ${report.events} events (last position ${report.lastPosition ?? 'none'}) from ${backup}`);
    if (report.setAside) console.log(`Moved aside, not deleted: ${report.movedAside.join(', ')} -> ${report.setAside}`);
    if (report.tornCheckpointBytes > 0) {
      console.log(
        `${CHECKPOINTS_FILE} ended in a line without its newline (${report.tornCheckpointBytes} bytes, an append cut ` +
          'short by a crash): left out, as the service leaves it out; the file is kept whole in the folder above.',
      );
    }
    if (report.unreached.length > 0) {
      console.log(
        `${report.unreached.length} checkpoint(s) issued before the restore reach past the restored log (events it ` +
          `no longer holds): positions ${report.unreached.map(({ position }) => position).join(', ')}; kept in ` +
          `${report.setAside}/${CHECKPOINTS_FILE} and listed in its restore.json: give them to your auditors.`,
      );
    }
    console.log(
      'Next: start the service (npm start). It rebuilds the read models from the restored log and issues new checkpoints.',
    );
    process.exit(0);
  },
  (error: unknown) => {
    console.error(`restore: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof RestoreRefused ? error.exitCode : 2);
  },
);
