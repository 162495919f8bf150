import { decodeInput } from '../../src/core/input/readInput.js';
import { parseArchitecture } from '../../src/core/input/parseArchitecture.js';

/** A small YAML architecture: a RAG support bot with an agent that can send email. */
export const SUPPORT_YAML = `name: Support assistant
components:
  - { id: customer, name: Customer, kind: user }
  - { id: widget, name: Chat widget, kind: frontend, properties: [internet-facing] }
  - { id: bot, name: Support bot, kind: llm, properties: [accepts-user-input, has-system-prompt, third-party-hosted, retrieval] }
  - { id: index, name: Help-centre index, kind: vector-store }
  - { id: mailer, name: Mail agent, kind: agent, properties: [sends-email, autonomous] }
dataFlows:
  - { from: customer, to: widget }
  - { from: widget, to: bot }
  - { from: index, to: bot }
  - { from: bot, to: mailer }
`;

/** Input doc and parsed architecture for SUPPORT_YAML. */
export function supportInput(text = SUPPORT_YAML, source = 'support.yaml') {
  const doc = decodeInput(source, Buffer.from(text));
  return { doc, parsed: parseArchitecture(doc.text, { source }) };
}

/** A hand-written sample reply (not model output) with one valid case for the given target. */
export function sampleCases(target: string, over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    cases: [
      {
        title: `Hand-written sample case against ${target}`,
        actor: 'A customer typing into the widget',
        targets: [target],
        threatClass: 'prompt-injection',
        stride: ['Tampering', 'Elevation of Privilege'],
        preconditions: ['The bot reads free text from customers'],
        steps: ['Type a crafted message', 'The bot follows it'],
        impact: 'The bot says or does what the attacker wants',
        likelihood: 'high',
        severity: 'high',
        prevent: ['Keep instructions and user text apart'],
        detect: ['Log and review refusals'],
        respond: ['Block the session'],
        signals: ['Messages containing role tags'],
        redTeamTests: ['Send a message asking the bot to reveal its rules'],
        reviewQuestions: ['What can the bot do on behalf of a customer?'],
        patterns: [],
        atlas: ['AML.T0051.000'],
        owaspLlm: ['LLM01:2025'],
        owaspMl: [],
        ...over,
      },
    ],
  });
}

/** The focus component ids of a cases prompt (one part may hold several), or [] for other prompts. */
export function focusIdsOf(prompt: string): string[] {
  const line = /^Focus: the components? (.*) and what connects/m.exec(prompt)?.[1];
  return line ? [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) : [];
}

/** The first focus component id of a cases prompt, or undefined for other prompts. */
export function focusOf(prompt: string): string | undefined {
  return focusIdsOf(prompt)[0];
}
