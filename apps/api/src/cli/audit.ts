import 'reflect-metadata';
import { EXIT, runAuditCommand } from './audit-command';

runAuditCommand(process.argv.slice(2), (line) => console.log(line)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(EXIT.usage);
  },
);
