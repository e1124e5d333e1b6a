import type { EmergencyNumber } from '../platform/config/index.js';

/** What the public portal (and the console's helpline form) must know of the deployment. */
export interface PortalSettings {
  emergencyNumbers: EmergencyNumber[];
  quickExitUrl: string;
  uploadsAccepted: boolean;
}

export interface PortalSettingsSource {
  emergencyNumbers: readonly EmergencyNumber[];
  quickExitUrl: string;
  /** Whether the media upload route is there to take the portal's pictures. */
  uploadsAccepted: () => boolean;
}

/**
 * The portal's settings, read from the configuration today. Issue 7 (administration)
 * replaces this one function with a read from the database; nothing else changes.
 */
export function portalSettingsFrom(source: PortalSettingsSource): () => Promise<PortalSettings> {
  return async () => ({
    emergencyNumbers: source.emergencyNumbers.map((entry) => ({ number: entry.number, label: { ...entry.label } })),
    quickExitUrl: source.quickExitUrl,
    uploadsAccepted: source.uploadsAccepted(),
  });
}
