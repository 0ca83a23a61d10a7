import type { Token } from 'markdown-it';
import { type ComponentChildren, h, type VNode } from 'preact';

/**
 * Markdown → Preact elements, from markdown-it's token stream. The guides and handouts are
 * our own files, but nothing here becomes an HTML string: markdown-it runs with `html: false`
 * (raw HTML in a file stays visible text), its link check drops `javascript:` and the like, and
 * every element below is made by Preact, so a guide cannot inject markup, script or style
 * (the web page's CSP allows no inline script or style anyway).
 *
 * markdown-it itself is loaded only when a guide or handout is shown (loadMarkdown).
 */

type Parser = (source: string) => Token[];

let parser: Promise<Parser> | undefined;

/** markdown-it in CommonMark mode plus tables (the guides use them), without raw HTML. */
export function loadMarkdown(): Promise<Parser> {
  parser ??= import('markdown-it').then(({ default: MarkdownIt }) => {
    const md = new MarkdownIt('commonmark', { html: false }).enable('table');
    return (source: string) => md.parse(source, {});
  });
  return parser;
}

/** The tags a guide may produce; anything else markdown-it emits is rendered as its children. */
const ALLOWED_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'em',
  'strong',
  's',
  'a',
]);

interface Frame {
  readonly token: Token | null;
  readonly children: ComponentChildren[];
}

/** Renders parsed tokens; `headingShift` moves headings down (a guide's `#` is an h2 in a screen). */
export function renderTokens(tokens: readonly Token[], headingShift = 0): VNode[] {
  const root: Frame = { token: null, children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1] as Frame;
  const walk = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.nesting === 1) {
        stack.push({ token, children: [] });
      } else if (token.nesting === -1) {
        const frame = stack.pop() as Frame;
        top().children.push(element(frame, headingShift, top().children.length));
      } else if (token.type === 'inline') {
        walk(token.children ?? []);
      } else {
        top().children.push(leaf(token, top().children.length));
      }
    }
  };
  walk(tokens);
  return root.children as VNode[];
}

function element(frame: Frame, headingShift: number, key: number): ComponentChildren {
  const token = frame.token as Token;
  let tag = token.tag;
  if (!ALLOWED_TAGS.has(tag)) return frame.children;
  const props: Record<string, unknown> = { key };
  if (/^h[1-6]$/.test(tag)) tag = `h${Math.min(6, Number(tag[1]) + headingShift)}`;
  if (tag === 'a') {
    props.href = token.attrGet('href') ?? undefined;
    props.target = '_blank';
    props.rel = 'noopener noreferrer';
  }
  if (tag === 'ol') {
    const start = token.attrGet('start');
    if (start) props.start = Number(start);
  }
  if (tag === 'th' || tag === 'td') {
    const style = String(token.attrGet('style') ?? '');
    // markdown-it marks alignment with an inline style, which the CSP forbids: a class instead.
    if (style.includes('right')) props.class = 'align-right';
    else if (style.includes('center')) props.class = 'align-center';
  }
  // Tight lists hide their paragraphs; markdown-it marks them so.
  if (tag === 'p' && token.hidden) return frame.children;
  const made = h(tag, props, frame.children);
  // Wide tables scroll sideways inside a narrow panel instead of widening the page.
  // Focusable, so a keyboard can scroll it too.
  return tag === 'table' ? h('div', { key, class: 'table-scroll', tabIndex: 0 }, made) : made;
}

function leaf(token: Token, key: number): ComponentChildren {
  switch (token.type) {
    case 'text':
      return token.content;
    case 'code_inline':
      return h('code', { key }, token.content);
    case 'softbreak':
      return '\n';
    case 'hardbreak':
      return h('br', { key });
    case 'fence':
    case 'code_block':
      return h('pre', { key }, h('code', null, token.content));
    case 'hr':
      return h('hr', { key });
    case 'image':
      return token.content;
    default:
      // html_block / html_inline cannot occur with html: false; anything else shows as text.
      return token.content;
  }
}

/** The handout's join box goes where this line is (templates/README.md). */
export const JOIN_MARKER = '<!-- join -->';

/** The Markdown before and after the join marker's line; `after` is null without a marker. */
export function splitAtJoin(source: string): { before: string; after: string | null } {
  const lines = source.split('\n');
  const at = lines.findIndex((line) => line.trim() === JOIN_MARKER);
  if (at < 0) return { before: source, after: null };
  return { before: lines.slice(0, at).join('\n'), after: lines.slice(at + 1).join('\n') };
}
