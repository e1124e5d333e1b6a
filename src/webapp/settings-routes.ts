import { actorOf } from '../platform/access/index.js';
import type { HttpApp } from '../platform/http/index.js';
import { EmergencyNumbersChange, EmergencyNumbersView } from './contracts.js';
import type { DeploymentSettings } from './deployment-settings.js';

/** The deployment settings administrators change from the console. */
export function deploymentSettingsRoutes(app: HttpApp, { settings }: { settings: DeploymentSettings }): void {
  const tags = ['settings'];
  app.get(
    '/api/settings/emergency-numbers',
    {
      config: { access: { action: 'settings.read' } },
      schema: { tags, summary: 'The emergency numbers the portal shows, and who set them', response: { 200: EmergencyNumbersView } },
    },
    () => settings.emergencyNumbers(),
  );
  app.put(
    '/api/settings/emergency-numbers',
    {
      config: { access: { action: 'settings.edit' } },
      schema: {
        tags,
        summary: 'Replace the emergency numbers; the portal shows them from the next page load',
        body: EmergencyNumbersChange,
        response: { 200: EmergencyNumbersView },
      },
    },
    (request) =>
      settings.setEmergencyNumbers(
        { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id },
        request.body.emergencyNumbers,
      ),
  );
}
