// The CPQ settings validated when the service starts: the values the config room collected (CPQ_* variables
// and CPQ_SETTINGS_FILE) through cpq-rules' schema; a bad value stops the service naming its variable.
import { ConfigError } from '../config/config-error.js';
import type { CpqSettingsInput } from '../config/cpq-settings-input.js';
import { cpqSettingsSchema, type CpqSettings } from './rules/cpq-settings.js';

export function cpqSettingsFrom(input: CpqSettingsInput): CpqSettings {
  const parsed = cpqSettingsSchema.safeParse(input.values);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      return {
        name: input.sources[key] ?? `CPQ settings (${i.path.join('.') || 'root'})`,
        message: `${i.path.join('.')}: ${i.message}`,
      };
    }),
  );
}
