import type { CDPSession, Page } from 'playwright-core';

/**
 * The accessibility checks every console page must pass, answered by Chromium's own accessibility
 * tree (the names a screen reader announces), not by reading the markup: a language on the page,
 * one h1, a main and a navigation landmark, an accessible name or text alternative for every
 * image, canvas and SVG, and a label for every form control. Returns one line per problem, so a
 * test compares the whole list with [] and a failure names every defect at once.
 */
export async function checkAccessibility(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = await session.send('DOM.getDocument', { depth: -1 });
    const elements = flatten(root);
    const accessible = await accessibleNodes(session);
    return [
      ...languageProblems(elements),
      ...headingProblems(elements),
      ...landmarkProblems(accessible),
      ...graphicProblems(elements, accessible),
      ...controlProblems(elements, accessible),
    ];
  } finally {
    await session.detach();
  }
}

type Element = {
  backendNodeId: number;
  name: string;
  attributes: Map<string, string>;
  parent: Element | null;
};
type AccessibleNode = { role: string; name: string; ignored: boolean };
type DomNode = {
  nodeType: number; nodeName: string; backendNodeId: number; attributes?: string[]; children?: DomNode[];
};

/** Every element of the document in document order, each knowing its parent element. */
function flatten(root: DomNode): Element[] {
  const found: Element[] = [];
  const visit = (node: DomNode, parent: Element | null) => {
    let self = parent;
    if (node.nodeType === 1) {
      const attributes = new Map<string, string>();
      const list = node.attributes ?? [];
      for (let index = 0; index + 1 < list.length; index += 2) attributes.set(list[index]!, list[index + 1]!);
      self = { backendNodeId: node.backendNodeId, name: node.nodeName.toLowerCase(), attributes, parent };
      found.push(self);
    }
    for (const child of node.children ?? []) visit(child, self);
  };
  visit(root, null);
  return found;
}

async function accessibleNodes(session: CDPSession): Promise<Map<number, AccessibleNode>> {
  const { nodes } = await session.send('Accessibility.getFullAXTree');
  const byElement = new Map<number, AccessibleNode>();
  for (const node of nodes) {
    if (node.backendDOMNodeId === undefined) continue;
    byElement.set(node.backendDOMNodeId, {
      role: String(node.role?.value ?? ''),
      name: String(node.name?.value ?? '').trim(),
      ignored: node.ignored,
    });
  }
  return byElement;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function languageProblems(elements: Element[]): string[] {
  const html = elements.find((element) => element.name === 'html');
  const problems = (html?.attributes.get('lang') ?? '') === '' ? ['html has no lang attribute'] : [];
  for (const element of elements) {
    const lang = element.attributes.get('lang');
    if (lang !== undefined && lang !== '' && !LANGUAGE_TAG.test(lang)) {
      problems.push(`${element.name} has lang="${lang}", which is not a language tag`);
    }
  }
  return problems;
}

function headingProblems(elements: Element[]): string[] {
  const count = elements.filter((element) => element.name === 'h1').length;
  return count === 1 ? [] : [`the page has ${count} h1 elements, not one`];
}

function landmarkProblems(accessible: Map<number, AccessibleNode>): string[] {
  const roles = [...accessible.values()].filter((node) => !node.ignored).map((node) => node.role);
  const problems: string[] = [];
  const mains = roles.filter((role) => role === 'main').length;
  if (mains !== 1) problems.push('the page has no single main landmark');
  if (!roles.includes('navigation')) problems.push('the page has no navigation landmark');
  return problems;
}

const GRAPHICS = new Set(['img', 'canvas', 'svg']);

/**
 * An image, canvas or SVG passes when Chromium gives it a name, or when it is hidden from assistive
 * technology on purpose: an empty alt (decoration), aria-hidden, or inside a named image (a chart
 * drawn on a canvas inside a container with role="img" and a label, whose children ARIA makes
 * presentational even where Chromium keeps them in its tree).
 */
function graphicProblems(elements: Element[], accessible: Map<number, AccessibleNode>): string[] {
  const problems: string[] = [];
  for (const element of elements.filter((candidate) => GRAPHICS.has(candidate.name))) {
    if (hiddenOnPurpose(element, accessible)) continue;
    const node = accessible.get(element.backendNodeId);
    if (node !== undefined && !node.ignored) {
      if (node.name === '') problems.push(`${describe(element)} has no accessible name`);
    } else if (!(element.name === 'img' && element.attributes.get('alt') === '')) {
      problems.push(`${describe(element)} has no accessible name or text alternative`);
    }
  }
  return problems;
}

function hiddenOnPurpose(element: Element, accessible: Map<number, AccessibleNode>): boolean {
  for (let current: Element | null = element; current !== null; current = current.parent) {
    if (current.attributes.get('aria-hidden') === 'true') return true;
    const node = accessible.get(current.backendNodeId);
    if (current !== element && node?.role === 'image' && node.name !== '') return true;
  }
  return false;
}

const CONTROLS = new Set(['input', 'select', 'textarea', 'button']);

/** A control that is rendered must have a name: a label, aria-label, aria-labelledby or content. */
function controlProblems(elements: Element[], accessible: Map<number, AccessibleNode>): string[] {
  return elements
    .filter((element) => CONTROLS.has(element.name) && element.attributes.get('type') !== 'hidden')
    .filter((element) => {
      const node = accessible.get(element.backendNodeId);
      return node !== undefined && !node.ignored && node.name === '';
    })
    .map((element) => `${describe(element)} has no label`);
}

function describe(element: Element): string {
  const id = element.attributes.get('id');
  if (id !== undefined) return `${element.name}#${id}`;
  for (let current = element.parent; current !== null; current = current.parent) {
    const within = current.attributes.get('id');
    if (within !== undefined) return `${element.name} in #${within}`;
  }
  return element.name;
}
