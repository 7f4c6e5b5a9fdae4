/** Prints the current TOTP code of a secret (for the demo staff accounts): npm run totp -- SECRET */
import { totpCode } from '../src/platform/auth/totp.js';

const secret = process.argv[2];
if (!secret) {
  process.stderr.write('Usage : npm run totp -- SECRET_BASE32\n');
  process.exit(2);
}
process.stdout.write(`${totpCode(secret, new Date())}\n`);
