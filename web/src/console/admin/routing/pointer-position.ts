import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';

export interface TextPosition {
  offset: number;
  length: number;
  line: number;
  column: number;
}

function positionOf(text: string, node: Node): TextPosition {
  const before = text.slice(0, node.offset).split('\n');
  return { offset: node.offset, length: node.length, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where a JSON pointer the server named (`#/ruleSet/rules/0/id`, relative to the request
 * body) is in the edited text, whose root is `prefix` of the body (`/ruleSet`). A pointer into
 * something missing lands on its nearest existing parent, where the missing member belongs.
 */
export function positionOfPointer(text: string, pointer: string, prefix: string): TextPosition | undefined {
  const bare = pointer.replace(/^#/, '');
  if (!bare.startsWith(prefix)) return undefined;
  const tree = parseTree(text);
  if (!tree) return undefined;
  const path = bare
    .slice(prefix.length)
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = findNodeAtLocation(tree, path.slice(0, depth));
    if (node) return positionOf(text, node.parent?.type === 'property' && depth === path.length ? node.parent : node);
  }
  return undefined;
}

/** Where the text stops being JSON, for an error shown before anything is sent. */
export function syntaxErrorOf(text: string): TextPosition | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0] ?? { offset: text.length, length: 0 };
    const before = text.slice(0, first.offset).split('\n');
    return { offset: first.offset, length: first.length, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
}
