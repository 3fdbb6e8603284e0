import { readConfig, type Config } from '../config/config.ts';
import { UsageError } from './usage-error.ts';

export function loadConfig(): Config {
  const result = readConfig();
  if (!result.ok) throw new UsageError(result.reason);
  return result.config;
}
