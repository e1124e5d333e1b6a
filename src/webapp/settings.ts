import type { EmergencyNumber } from '../platform/config/index.js';

/** What the public portal (and the console's helpline form) must know of the deployment. */
export interface PortalSettings {
  emergencyNumbers: EmergencyNumber[];
  quickExitUrl: string;
  uploadsAccepted: boolean;
}

export interface PortalSettingsSource {
  /** The emergency numbers in force: an administrator's (deployment settings), else the configuration's. */
  emergencyNumbers: () => Promise<{ emergencyNumbers: EmergencyNumber[] }>;
  quickExitUrl: string;
  /** Whether the media upload route is there to take the portal's pictures. */
  uploadsAccepted: () => boolean;
}

/** The portal's settings: the emergency numbers read from the database on each request, the rest from the configuration. */
export function portalSettingsFrom(source: PortalSettingsSource): () => Promise<PortalSettings> {
  return async () => ({
    emergencyNumbers: (await source.emergencyNumbers()).emergencyNumbers,
    quickExitUrl: source.quickExitUrl,
    uploadsAccepted: source.uploadsAccepted(),
  });
}
