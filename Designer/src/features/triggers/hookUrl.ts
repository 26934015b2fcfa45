/** Public URL of an Elsa.HttpEndpoint trigger: `{origin}/hooks/{tenant}/{path}`. */
export function hookUrl(origin: string, tenant: string, path: string): string {
  const clean = path.trim().replace(/^\/+/, '');
  return `${origin}/hooks/${encodeURIComponent(tenant)}/${clean}`;
}
