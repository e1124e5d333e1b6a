/** What of a problem answer (an `ApiProblem`) places its errors; pure, so it is tested without a browser. */
export interface ProblemErrors {
  title: string;
  detail: string | undefined;
  errors: readonly { pointer?: string | undefined; detail: string }[];
}

/** Turns a problem answer into errors beside the inputs it names, and general ones for the rest. */
export function errorsOfProblem(
  problem: ProblemErrors,
  idOf: (pointer: string) => string | undefined,
): { errors: Map<string, string>; general: string[] } {
  const errors = new Map<string, string>();
  const general = new Set<string>();
  // The problem's detail says why (an address another account uses, the last administrator):
  // beside the input when it names one input, else with the fields' own messages.
  const why = problem.errors.length === 1 ? problem.detail : undefined;
  for (const field of problem.errors) {
    const id = field.pointer !== undefined ? idOf(field.pointer) : undefined;
    if (id) {
      if (!errors.has(id)) errors.set(id, why ?? field.detail);
    } else {
      // A header or the whole body: the problem's own detail says more than the field's.
      general.add(problem.detail ?? field.detail);
    }
  }
  if (errors.size > 0 && problem.detail && !why) general.add(problem.detail);
  if (errors.size === 0 && general.size === 0) general.add(problem.detail ?? problem.title);
  return { errors, general: [...general] };
}

/** The same errors without the one of an input the person has just changed. */
export function withoutError(errors: ReadonlyMap<string, string>, id: string): ReadonlyMap<string, string> {
  if (!errors.has(id)) return errors;
  const next = new Map(errors);
  next.delete(id);
  return next;
}

/** `#/name` → `prefix-name`: the inputs of a flat body are named after its properties. */
export function flatIds(prefix: string, names: readonly string[]): (pointer: string) => string | undefined {
  return (pointer) => {
    const name = pointer.replace(/^#?\//, '').split('/')[0] ?? '';
    return names.includes(name) ? `${prefix}-${name}` : undefined;
  };
}
