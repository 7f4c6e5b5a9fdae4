/** Test helper: one local geocoder over the shipped Paris extract, its index cached in the OS temp dir. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalGeocoder } from './local-geocoder.js';

let shared: Promise<LocalGeocoder> | null = null;

/** The Paris local geocoder, built once per test process. */
export function parisGeocoder(): Promise<LocalGeocoder> {
  shared ??= LocalGeocoder.open({ cacheDir: join(tmpdir(), 'label-gen-geocoding-tests') }).then(({ geocoder }) => geocoder);
  return shared;
}
