import { request } from '../../shared/api.js';

interface SchemaNode {
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
}

interface OpenApi {
  paths?: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: SchemaNode }> } } }>;
}

function valuesOf(node: SchemaNode | undefined): string[] {
  if (!node) return [];
  if (node.enum) return node.enum.filter((value): value is string => typeof value === 'string');
  if (typeof node.const === 'string') return [node.const];
  return (node.anyOf ?? []).flatMap(valuesOf);
}

/**
 * The actions an API key can be given, as the server's own contract lists them
 * (`POST /api/api-keys`, in the published OpenAPI document): a scope added on the server
 * shows here without a change to the console.
 */
export async function loadPartnerScopes(language: string): Promise<string[]> {
  const document = await request<OpenApi>('/api/openapi.json', { language });
  const schema = document.paths?.['/api/api-keys']?.post?.requestBody?.content?.['application/json']?.schema;
  return valuesOf(schema?.properties?.scopes?.items);
}
