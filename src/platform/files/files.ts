/** The file services of a running platform, built once from the configuration. */
import type { AppDeps } from '../http/context.js';
import { localDiskStorage, type FileStorage } from './storage.js';
import { clamdScanner, noScanner, type Scanner } from './clamav.js';

/** Storage and antivirus, as handlers use them. */
export interface FileServices { storage: FileStorage; scanner: Scanner; maxBytes: number }

const cache = new WeakMap<AppDeps, FileServices>();

/**
 * The file services of these deps: `deps.services.files` when the platform registered one (tests,
 * an object store), else the local disk under FILES_DIR and clamd when CLAMAV_URL is set.
 */
export function fileServices(deps: AppDeps): FileServices {
  const registered = deps.services.files as FileServices | undefined;
  if (registered) return registered;
  let s = cache.get(deps);
  if (!s) {
    s = {
      storage: localDiskStorage(deps.config.filesDir),
      scanner: deps.config.CLAMAV_URL ? clamdScanner(deps.config.CLAMAV_URL) : noScanner,
      maxBytes: Math.round(deps.config.MAX_UPLOAD_MB * 1024 * 1024),
    };
    cache.set(deps, s);
  }
  return s;
}
