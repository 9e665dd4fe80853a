import { envReader } from './read.ts';
import { readStore, type StoreConfig } from './store.ts';
import { readSecrets, type SecretsConfig } from './secrets.ts';
import { readServer, type ServerConfig } from './server.ts';
import { readNetwork, type NetworkConfig } from './network.ts';
import { readProviders, type ProvidersConfig } from './providers.ts';
import { readDetect, type DetectConfig } from './detect.ts';
import { readLimits, type LimitsConfig } from './limits.ts';
import { readJobs, type JobsConfig } from './jobs.ts';

/**
 * Latchkey's configuration, read once from the environment and validated at start, one section
 * per file beside this one (each with its variables, defaults and checks).
 * Names and defaults: shared/spec/DECISIONS.md "Running it" and "Verifying credentials".
 */
export interface Config
  extends StoreConfig, SecretsConfig, ServerConfig, NetworkConfig, ProvidersConfig, DetectConfig, LimitsConfig, JobsConfig {}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration.
 * @throws ConfigError listing every bad value, each with the variable's name and what is expected.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const read = envReader(env, problems);
  const config: Config = {
    ...readStore(read),
    ...readSecrets(read),
    ...readServer(read),
    ...readNetwork(read),
    ...readProviders(read),
    ...readDetect(read),
    ...readLimits(read),
    ...readJobs(read),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
