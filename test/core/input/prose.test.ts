import { describe, expect, it } from 'vitest';
import type { Component, ComponentKind, SystemModel } from '../../../src/core/domain/system.js';
import { SystemModelSchema } from '../../../src/core/domain/system.js';
import { parseArchitecture } from '../../../src/core/input/parseArchitecture.js';
import { extractProse } from '../../../src/core/input/prose.js';

/** Parses prose (with derivation, as users see it). */
const parse = (text: string): { system: SystemModel; warnings: string[] } => parseArchitecture(text, { source: 'doc.md' });
const ofKind = (s: SystemModel, kind: ComponentKind): Component[] => s.components.filter((c) => c.kind === kind);
const one = (s: SystemModel, kind: ComponentKind): Component => {
  const found = ofKind(s, kind);
  expect(found, `one ${kind} in ${s.components.map((c) => `${c.name}:${c.kind}`).join(', ')}`).toHaveLength(1);
  return found[0]!;
};
const named = (s: SystemModel, name: string): Component => {
  const c = s.components.find((x) => x.name.toLowerCase() === name.toLowerCase());
  expect(c, `component "${name}" in ${s.components.map((x) => x.name).join(', ')}`).toBeDefined();
  return c!;
};
const hasFlow = (s: SystemModel, from: Component, to: Component): boolean => s.dataFlows.some((f) => f.from === from.id && f.to === to.id);

describe('prose: fine-tuning and labelling', () => {
  const { system } = parse('Our support chatbot runs on GPT-4o. It is fine-tuned monthly on tickets labelled by contractors.');

  it('adds a training pipeline and training data', () => {
    expect(ofKind(system, 'training-pipeline')).toHaveLength(1);
    expect(ofKind(system, 'training-data')).toHaveLength(1);
  });
  it('adds the contractors as an external labelling workforce', () => {
    expect(one(system, 'labeling').properties).toContain('external-labellers');
  });
  it('marks the model fine-tuned', () => {
    expect(one(system, 'llm').properties).toContain('fine-tuned');
  });
  it('marks the model continuously trained', () => {
    expect(one(system, 'llm').properties).toContain('continuous-training');
  });
  it('wires labelling → data → pipeline → model', () => {
    const llm = one(system, 'llm');
    const data = one(system, 'training-data');
    const pipeline = one(system, 'training-pipeline');
    expect(hasFlow(system, one(system, 'labeling'), data)).toBe(true);
    expect(hasFlow(system, data, pipeline)).toBe(true);
    expect(hasFlow(system, pipeline, llm)).toBe(true);
  });
});

describe('prose: learning from users', () => {
  it('"the chatbot learns from conversations" marks the model learns-from-feedback', () => {
    const { system } = parse('The chatbot learns from conversations with its users.');
    expect(one(system, 'llm').properties).toContain('learns-from-feedback');
  });
  it('"user feedback is used to retrain" adds a flow from the user to training', () => {
    const { system } = parse('Users chat with an assistant built on Claude. User feedback is used to retrain the model every week.');
    const user = one(system, 'user');
    const training = system.components.filter((c) => c.kind === 'training-data' || c.kind === 'training-pipeline');
    expect(one(system, 'llm').properties).toContain('learns-from-feedback');
    expect(training.some((t) => hasFlow(system, user, t))).toBe(true);
  });
});

describe('prose: agent capabilities', () => {
  const { system } = parse('The assistant uses GPT-4o and can send emails, run shell commands, issue refunds, create tickets and browse the web without human approval. It can also call the Stripe API.');
  const agent = (): Component => one(system, 'agent');

  it('turns an assistant that acts into an agent', () => expect(agent().name).toBe('Assistant'));
  it('send emails → sends-email', () => expect(agent().properties).toContain('sends-email'));
  it('run shell commands → executes-code', () => expect(agent().properties).toContain('executes-code'));
  it('issue refunds → financial-actions', () => expect(agent().properties).toContain('financial-actions'));
  it('create tickets → writes-data', () => expect(agent().properties).toContain('writes-data'));
  it('browse the web → browses-web and web content', () => {
    expect(agent().properties).toContain('browses-web');
    expect(ofKind(system, 'web-content')).toHaveLength(1);
  });
  it('call the Stripe API → calls-external-apis', () => expect(agent().properties).toContain('calls-external-apis'));
  it('without human approval → autonomous', () => expect(agent().properties).toContain('autonomous'));
  it('keeps the model as the agent calls it', () => expect(hasFlow(system, agent(), one(system, 'llm'))).toBe(true));
  it('"automatically" after an action also means autonomous', () => {
    expect(one(parse('The agent automatically sends refunds to customers.').system, 'agent').properties).toContain('autonomous');
  });
  it('does not read a plain service creating a ticket as an agent', () => {
    const s = parse('The chatbot answers with GPT-4o. If the model gives up, the Chat API creates a Zendesk ticket.').system;
    expect(ofKind(s, 'agent')).toHaveLength(0);
  });
  it('does not read calling the model API as calling external tools', () => {
    const s = parse('The Chat API calls the OpenAI API with the prompt.').system;
    expect(ofKind(s, 'agent')).toHaveLength(0);
    expect(one(s, 'llm').properties).not.toContain('calls-external-apis');
  });
});

describe('prose: retrieval', () => {
  const { system } = parse('Answers are generated by Llama 3 on Ollama using retrieval from a vector database of help articles.');
  it('a vector database becomes a vector store', () => expect(ofKind(system, 'vector-store')).toHaveLength(1));
  it('the LLM gets retrieval', () => expect(one(system, 'llm').properties).toContain('retrieval'));
  it('Ollama means self-hosted', () => expect(one(system, 'llm').properties).toContain('self-hosted'));
  it('"RAG" alone implies a vector store', () => {
    const s = parse('A RAG chatbot built on Claude answers policy questions.').system;
    expect(ofKind(s, 'vector-store')).toHaveLength(1);
    expect(one(s, 'llm').properties).toContain('retrieval');
  });
});

describe('prose: supply chain', () => {
  const { system } = parse('We use a sentiment classifier downloaded from Hugging Face as a pickle file.');
  it('the classifier is an ML model from a public hub', () => expect(one(system, 'ml-model').properties).toContain('from-public-hub'));
  it('pickle means a serialised model', () => expect(one(system, 'ml-model').properties).toContain('serialized-model'));
  it('Hugging Face is a model hub feeding the model', () => expect(hasFlow(system, one(system, 'model-hub'), one(system, 'ml-model'))).toBe(true));
});

describe('prose: output handling', () => {
  it('"rendered as Markdown" → renders-output', () => {
    expect(one(parse('The LLM answer is rendered as Markdown in the web app.').system, 'llm').properties).toContain('renders-output');
  });
  it('"shown in the web UI as Markdown" → renders-output', () => {
    expect(one(parse('Answers from Claude are shown in the web UI as Markdown.').system, 'llm').properties).toContain('renders-output');
  });
  it('no rendering cue → no renders-output, even with a frontend', () => {
    expect(one(parse('Users type questions in the web app, which sends them to the LLM.').system, 'llm').properties).not.toContain('renders-output');
  });
  it('"generates SQL" → output-to-code', () => {
    expect(one(parse('The LLM generates SQL that runs against the Postgres database.').system, 'llm').properties).toContain('output-to-code');
  });
});

describe('prose: predictions and decisions', () => {
  const { system } = parse('The fraud model returns a fraud probability score for each payment.');
  it('returns a probability → returns-confidence', () => expect(one(system, 'ml-model').properties).toContain('returns-confidence'));
  it('returns a score → exposes-predictions', () => expect(one(system, 'ml-model').properties).toContain('exposes-predictions'));
  it('fraud → high-stakes-decisions', () => expect(one(system, 'ml-model').properties).toContain('high-stakes-decisions'));
  it('a score returned further along the sentence still counts', () => {
    const s = parse('The face matching model returns the matched employee ID and similarity score to the door unit.').system;
    expect(one(s, 'ml-model').properties).toContain('returns-confidence');
  });
  it('credit and loans → high-stakes-decisions', () => {
    expect(one(parse('A credit scoring model decides loan approvals.').system, 'ml-model').properties).toContain('high-stakes-decisions');
  });
  it('face recognition → biometric', () => {
    expect(one(parse('Employees unlock doors with face recognition.').system, 'ml-model').properties).toContain('biometric');
  });
});

describe('prose: exposure, cost, data and tenancy', () => {
  it('a public API for customers → internet-facing', () => {
    expect(one(parse('Customers use a public API backed by GPT-4o.').system, 'llm').properties).toContain('internet-facing');
  });
  it('customers reaching a frontend make it internet-facing', () => {
    const s = parse('Customers chat in the web app; it sends each question to GPT-4o.').system;
    expect(one(s, 'frontend').properties).toContain('internet-facing');
  });
  it('employees only → not internet-facing', () => {
    const s = parse('Employees chat in the web app; it sends each question to GPT-4o.').system;
    expect(one(s, 'frontend').properties).not.toContain('internet-facing');
  });
  it('"billed per token" → pay-per-use', () => {
    expect(one(parse('The service calls Llama 3 on Together AI, billed per token.').system, 'llm').properties).toContain('pay-per-use');
  });
  it('health records → handles-pii', () => {
    expect(one(parse('The assistant summarises patient health records with Claude.').system, 'llm').properties).toContain('handles-pii');
  });
  it('several customers → multi-tenant', () => {
    expect(one(parse('One Qdrant collection serves several customers; the LLM answers from it.').system, 'vector-store').properties).toContain('multi-tenant');
  });
});

describe('prose: training pipelines', () => {
  it('a retraining job makes both the job and the model continuously trained', () => {
    const s = parse('- **Ranking model** — LightGBM ranker.\n- **Training pipeline** — retrains the ranking model nightly.').system;
    expect(one(s, 'training-pipeline').properties).toContain('continuous-training');
    expect(one(s, 'ml-model').properties).toEqual(expect.arrayContaining(['fine-tuned', 'continuous-training']));
  });
  it('model files are a model artefact store', () => {
    expect(ofKind(parse('Model files for the face model are copied to each device over SSH.').system, 'model-registry')).toHaveLength(1);
  });
});

describe('prose: prompts, memory, untrusted content, hosting', () => {
  it('every LLM has a system prompt by default', () => {
    expect(one(parse('The chatbot runs on Mistral 7B.').system, 'llm').properties).toContain('has-system-prompt');
  });
  it('"system prompt" gives an agent a system prompt too', () => {
    expect(one(parse('The triage agent follows a system prompt with our policies and calls tools.').system, 'agent').properties).toContain('has-system-prompt');
  });
  it('long-term memory → agent memory store and persistent-memory', () => {
    const s = parse('The agent has long-term memory and remembers what each customer asked before.').system;
    expect(one(s, 'agent-memory').properties).toContain('persistent-memory');
    expect(one(s, 'agent').properties).toContain('persistent-memory');
  });
  it('reading emails and uploaded files → untrusted-content', () => {
    const s = parse('The agent reads incoming emails and uploaded files and summarises them with Claude.').system;
    expect(one(s, 'agent').properties).toContain('untrusted-content');
    expect(ofKind(s, 'email')).toHaveLength(1);
  });
  it('a hosted API → third-party-hosted', () => {
    expect(one(parse('The bot calls the Anthropic API.').system, 'llm').properties).toContain('third-party-hosted');
  });
  it('brands inside a defined name say how it is hosted', () => {
    const s = parse('- **Claude via Bedrock** — answers questions.\n- **Llama on Ollama** — drafts replies.').system;
    expect(named(s, 'Claude via Bedrock').properties).toContain('third-party-hosted');
    expect(named(s, 'Llama on Ollama').properties).toContain('self-hosted');
  });
  it('vLLM on-prem → self-hosted', () => {
    expect(one(parse('We self-host Mistral 7B with vLLM on-prem.').system, 'llm').properties).toContain('self-hosted');
  });
});

describe('prose: components', () => {
  const doc = `# Help Desk Bot

The Help Desk Bot answers employee questions from our Confluence wiki.

## Components

- **Chat widget** — a React chat widget in the intranet. Answers are rendered as Markdown.
- **Pinecone index** — embeddings of wiki pages, refreshed nightly.
- **Answer service** — a Python service that queries the Pinecone index and sends the question to GPT-4o.
- **Audit log** — Postgres table with every question.

Employees type questions in the Chat widget, which forwards them to the Answer service.
The Answer service stores each question in the audit log.
`;
  const { system, warnings } = parse(doc);

  it('names the system after the first heading and describes it with the first paragraph', () => {
    expect(system.name).toBe('Help Desk Bot');
    expect(system.description).toBe('The Help Desk Bot answers employee questions from our Confluence wiki.');
  });
  it('falls back to the file name when there is no H1', () => {
    expect(parseArchitecture('The bot calls Claude.', { source: 'docs/support-bot.md' }).system.name).toBe('support-bot');
  });
  it('keeps the document\'s names and derives ids from them', () => {
    expect(named(system, 'Pinecone index').id).toBe('pinecone-index');
    expect(named(system, 'Answer service').kind).toBe('service');
  });
  it('merges repeated mentions into one component and records their lines', () => {
    expect(system.components.filter((c) => c.kind === 'vector-store')).toHaveLength(1);
    expect(named(system, 'Pinecone index').lines).toEqual([8, 9]);
  });
  it('uses the description when the name says little ("Audit log — Postgres table")', () => {
    expect(named(system, 'Audit log').kind).toBe('monitoring');
  });
  it('keeps components in order of first mention', () => {
    const names = system.components.map((c) => c.name);
    expect(names.indexOf('Confluence wiki')).toBeLessThan(names.indexOf('Chat widget'));
    expect(names.indexOf('Chat widget')).toBeLessThan(names.indexOf('Answer service'));
  });
  it('extracts flows in the right direction', () => {
    const service = named(system, 'Answer service');
    expect(hasFlow(system, one(system, 'user'), named(system, 'Chat widget'))).toBe(true);
    expect(hasFlow(system, named(system, 'Chat widget'), service)).toBe(true);
    expect(hasFlow(system, named(system, 'Pinecone index'), service)).toBe(true);
    expect(hasFlow(system, service, named(system, 'GPT-4o'))).toBe(true);
    expect(hasFlow(system, service, named(system, 'Audit log'))).toBe(true);
  });
  it('does not warn about inferred flows when the text gives them', () => {
    expect(warnings.join(' ')).not.toMatch(/flows inferred: the text describes no data flows/);
  });
  it('produces a valid system model', () => {
    expect(SystemModelSchema.safeParse(system).success).toBe(true);
  });
});

describe('prose: flows', () => {
  it('"A reads from B" flows from B to A', () => {
    const s = parse('The ingestion worker reads tickets from the Zendesk API and writes chunks to Pinecone.').system;
    expect(hasFlow(s, named(s, 'Zendesk API'), named(s, 'Ingestion worker'))).toBe(true);
    expect(hasFlow(s, named(s, 'Ingestion worker'), named(s, 'Pinecone'))).toBe(true);
  });
  it('arrow chains become flows', () => {
    const s = parse('Developer → Gateway service → Claude').system;
    expect(hasFlow(s, named(s, 'Developer'), named(s, 'Gateway service'))).toBe(true);
    expect(hasFlow(s, named(s, 'Gateway service'), named(s, 'Claude'))).toBe(true);
  });
  it('"A and B send X to C" gives both flows', () => {
    const s = parse('The Slack bot and the web app send questions to the Query service. The Query service calls GPT-4o.').system;
    expect(hasFlow(s, named(s, 'Slack bot'), named(s, 'Query service'))).toBe(true);
    expect(hasFlow(s, named(s, 'Web app'), named(s, 'Query service'))).toBe(true);
  });
  it('passive "it is sent to" continues from what the previous clause named', () => {
    const s = parse('A user types a question in the Support widget; it is sent to the Chat API. The Chat API calls GPT-4o.').system;
    expect(hasFlow(s, named(s, 'Support widget'), named(s, 'Chat API'))).toBe(true);
  });
  it('infers a plausible chain with a warning when the text gives no flows', () => {
    const r = parse('A customer support assistant built on GPT-4o, with a web app and a Pinecone vector database.');
    expect(r.warnings.some((w) => w.startsWith('flows inferred'))).toBe(true);
    const s = r.system;
    expect(hasFlow(s, named(s, 'Pinecone vector database'), one(s, 'llm'))).toBe(true);
    expect(hasFlow(s, one(s, 'frontend'), one(s, 'llm'))).toBe(true);
  });
  it('connects tools nobody calls to the agent, with a warning', () => {
    const r = parse('- **Support agent** — a LangGraph agent using Claude.\n- `issue_refund` — refunds an order.\n\nThe Support agent calls Claude.');
    const s = r.system;
    expect(hasFlow(s, one(s, 'agent'), named(s, 'issue_refund'))).toBe(true);
    expect(one(s, 'agent').properties).toContain('financial-actions');
    expect(r.warnings.some((w) => w.includes('issue_refund'))).toBe(true);
  });
});

describe('prose: what it does not do', () => {
  it('does not invent components from generic words', () => {
    expect(() => parse('The data flows between the system and the platform.')).toThrow(/no components were found/);
  });
  it('does not create components for things the text says are missing', () => {
    const s = parse('Answers come from GPT-4o. There is no guardrail and no dashboard.').system;
    expect(ofKind(s, 'guardrail')).toHaveLength(0);
    expect(ofKind(s, 'frontend')).toHaveLength(0);
  });
  it('treats support agents as people, not AI agents', () => {
    const s = parse('Support agents answer escalations in Zendesk. The chatbot (Claude) hands the agent the transcript.').system;
    expect(ofKind(s, 'agent')).toHaveLength(0);
    expect(one(s, 'user').name).toBe('Support agents');
  });
  it('warns when no AI model is recognised', () => {
    const r = parse('The web app stores orders in Postgres.');
    expect(r.warnings.some((w) => w.startsWith('no AI model was recognised'))).toBe(true);
  });
  it('keeps at most 40 components and says so', () => {
    const many = Array.from({ length: 45 }, (_, i) => `- **Service ${String.fromCharCode(65 + (i % 26))}${i} service** — a worker.`).join('\n');
    const r = extractProse(many, 'many');
    expect(r.system.components).toHaveLength(40);
    expect(r.warnings.some((w) => w.includes('only the first 40'))).toBe(true);
  });
});

describe('prose: Markdown with Mermaid', () => {
  const doc = `# Q&A

Lawyers ask questions in the **ContractLens UI**. Answers are rendered as Markdown.

\`\`\`mermaid
flowchart LR
  UI[ContractLens UI] --> QA[QA orchestrator]
  QA -->|similarity search| VDB[(Weaviate)]
  QA --> LLM[Claude on Bedrock]
\`\`\`

The QA orchestrator keeps a system prompt. Weaviate holds every contract.
`;
  const { system } = parse(doc);
  it('merges diagram nodes with prose mentions of the same name', () => {
    expect(system.components.filter((c) => c.name === 'ContractLens UI')).toHaveLength(1);
    expect(named(system, 'ContractLens UI').lines).toEqual([3, 7]);
    expect(named(system, 'Weaviate').lines).toEqual([8, 12]);
  });
  it('takes flows from the diagram, with labels', () => {
    const f = system.dataFlows.find((x) => x.from === named(system, 'QA orchestrator').id && x.to === named(system, 'Weaviate').id);
    expect(f?.label).toBe('similarity search');
  });
  it('applies prose cues to diagram components', () => {
    expect(named(system, 'Claude on Bedrock').properties).toEqual(expect.arrayContaining(['renders-output', 'third-party-hosted']));
  });
});
