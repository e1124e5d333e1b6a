export type Params = Record<string, string | number>;

/** Replaces `{name}` in a template by its parameter; an unknown name is left as it is. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
