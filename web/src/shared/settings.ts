import { request } from './api.js';

export interface EmergencyNumber {
  number: string;
  label: { fr: string; en: string };
}

/** What the deployment tells its portal and console (GET /api/public/portal). */
export interface PortalSettings {
  emergencyNumbers: EmergencyNumber[];
  quickExitUrl: string;
  uploadsAccepted: boolean;
  categories: string[];
  countries: string[];
}

export function loadPortalSettings(language: string): Promise<PortalSettings> {
  return request<PortalSettings>('/api/public/portal', { language });
}
