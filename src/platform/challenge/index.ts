export { createChallenges, type Challenges, type ChallengeGuard, type ChallengeSettings } from './challenge.js';
export { createSpentChallenges } from './spent.js';
export { challengeMigrations } from './migrations.js';
export { challengeRoutes } from './routes.js';
export { challengeHeader, Challenge, SolvedChallenge } from './contracts.js';
