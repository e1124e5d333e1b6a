import type { PortalSettings } from '../../shared/settings.js';
import type { PortalDraft } from '../model.js';

export interface StepProps {
  draft: PortalDraft;
  change(patch: Partial<PortalDraft>): void;
  settings: PortalSettings;
}
