import { importFile, type ImportOptions, type ImportSummary } from '../apps/api/src/cli/import-command';
import { serveOneTask } from './child-task';

/**
 * Scenario 9's client, `npm run import`'s own code, in a process of its own as the command is: its parsing and
 * HTTP requests do not take the measured server's CPU.
 */
serveOneTask<ImportOptions, ImportSummary>((options) => importFile(options));
