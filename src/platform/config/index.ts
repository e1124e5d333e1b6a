export { loadConfig, ConfigError, variableOf, type Config, type EmergencyNumber } from './config.js';
