export { loadConfig, ConfigError, variableOf, type Config } from './config.js';
