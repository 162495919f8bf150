import { describe, expect, it } from 'vitest';
import type { ComponentKind } from '../../../src/core/domain/system.js';
import { cueKey, descriptionHead, findKindCues, inferKind, isGenericName } from '../../../src/core/input/lexicon.js';

const KINDS: [string, ComponentKind][] = [
  // Hosted LLM APIs and model families.
  ['OpenAI API', 'llm'], ['GPT-4o', 'llm'], ['gpt-4o-mini', 'llm'], ['Claude 3.5 Sonnet', 'llm'], ['Anthropic API', 'llm'],
  ['Gemini 1.5 Pro', 'llm'], ['Amazon Bedrock', 'llm'], ['Azure OpenAI', 'llm'], ['Mistral API', 'llm'],
  // Self-hosted models.
  ['Ollama', 'llm'], ['vLLM', 'llm'], ['llama.cpp', 'llm'], ['TGI', 'llm'], ['Llama 3.1 70B', 'llm'], ['open-weight model', 'llm'],
  // Predictive models.
  ['Sentiment classifier', 'ml-model'], ['Recommendation engine', 'ml-model'], ['Credit scoring model', 'ml-model'],
  ['Fraud model', 'ml-model'], ['Face recognition', 'ml-model'], ['Speech recognition', 'ml-model'], ['Whisper', 'ml-model'],
  ['text-embedding-3-small', 'embedding-model'], ['Embedding model', 'embedding-model'], ['Cohere Embed via Bedrock', 'embedding-model'],
  // Retrieval and ML platform.
  ['Pinecone', 'vector-store'], ['Weaviate', 'vector-store'], ['Qdrant', 'vector-store'], ['ChromaDB', 'vector-store'],
  ['pgvector', 'vector-store'], ['Milvus', 'vector-store'], ['FAISS index', 'vector-store'], ['OpenSearch k-NN', 'vector-store'],
  ['Vector database', 'vector-store'], ['Feast', 'feature-store'], ['Tecton', 'feature-store'], ['Label Studio', 'labeling'],
  ['Scale AI', 'labeling'], ['Mechanical Turk', 'labeling'], ['MLflow', 'model-registry'], ['SageMaker Model Registry', 'model-registry'],
  ['Weights & Biases', 'model-registry'], ['Eval gate', 'eval-gate'], ['Hugging Face', 'model-hub'],
  ['Training pipeline', 'training-pipeline'], ['Training data', 'training-data'],
  // Agents, tools and content.
  ['Triage agent', 'agent'], ['LangGraph agent', 'agent'], ['MCP server', 'tool'], ['Refund tool', 'tool'], ['Playwright', 'tool'],
  ['Code interpreter', 'code-interpreter'], ['Sandbox runner', 'code-interpreter'], ['Long-term memory', 'agent-memory'],
  ['Web pages', 'web-content'], ['Llama Guard', 'guardrail'], ['Content filter', 'guardrail'],
  ['Gmail', 'email'], ['SMTP server', 'email'], ['Outlook', 'email'], ['Shared inbox', 'email'],
  // Plain infrastructure.
  ['GitHub Actions', 'ci-cd'], ['Jenkins', 'ci-cd'], ['Datadog', 'monitoring'], ['Prometheus', 'monitoring'], ['Grafana', 'monitoring'],
  ['Sentry', 'monitoring'], ['Postgres', 'database'], ['MySQL', 'database'], ['MongoDB', 'database'], ['DynamoDB', 'database'],
  ['Redis', 'database'], ['S3 bucket', 'storage'], ['GCS', 'storage'], ['SharePoint', 'storage'], ['Confluence', 'storage'],
  ['Google Drive', 'storage'], ['Internal wiki', 'storage'], ['Kafka', 'queue'], ['SQS', 'queue'], ['RabbitMQ', 'queue'],
  ['Okta', 'identity'], ['Auth0', 'identity'], ['Keycloak', 'identity'], ['HashiCorp Vault', 'identity'],
  ['Web app', 'frontend'], ['Mobile app', 'frontend'], ['Chat widget', 'frontend'], ['Slack bot', 'frontend'], ['VS Code extension', 'frontend'],
  ['Customers', 'user'], ['Analysts', 'user'], ['Admins', 'user'], ['Zendesk', 'external-service'], ['Stripe', 'external-service'],
  ['Query service', 'service'], ['API gateway', 'service'],
];

describe('inferKind', () => {
  it.each(KINDS)('%s is a %s', (name, kind) => {
    expect(inferKind(name)?.kind).toBe(kind);
  });

  it('does not guess a kind from generic words or non-component names', () => {
    expect(inferKind('Reply policy')).toBeUndefined();
    expect(inferKind('data')).toBeUndefined();
    expect(inferKind('system')).toBeUndefined();
  });

  it('falls back to the noun phrase opening the description when the name says little', () => {
    expect(inferKind('Conversation store', 'Postgres (RDS) table holding transcripts')?.kind).toBe('database');
    expect(inferKind('Template gallery', 'PostgreSQL with pgvector, holding one template per employee')?.kind).toBe('vector-store');
    expect(inferKind('Chat API', 'a Node.js (Fastify) service on ECS that calls OpenAI')?.kind).toBe('service');
  });

  it('ignores a description that opens with a verb', () => {
    expect(inferKind('Connector service', 'crawls SharePoint Online via Microsoft Graph')?.kind).toBe('service');
  });
});

describe('descriptionHead', () => {
  it('keeps the opening noun phrase and drops relative clauses and parentheticals', () => {
    expect(descriptionHead('a Node.js (Fastify) service on ECS that owns the conversation')).toBe('a Node.js service');
    expect(descriptionHead('for logged-in users, the Chat API fetches')).toBe('');
  });
});

describe('findKindCues', () => {
  const texts = (t: string): string[] => findKindCues(t).map((m) => m.text);

  it('prefers the longest match: "Azure OpenAI" over "OpenAI", "Llama Guard" over "Llama"', () => {
    expect(findKindCues('We use Azure OpenAI.').map((m) => m.cue.key)).toEqual(['azure-openai']);
    expect(findKindCues('Llama Guard filters output').map((m) => m.cue.kind)).toEqual(['guardrail']);
  });

  it('extends a brand with its head noun', () => {
    expect(texts('embeddings live in the Pinecone index today')).toContain('Pinecone index');
  });

  it('does not read modifiers and hyphenated words as components', () => {
    expect(texts('a customer-facing bot with per-user quotas')).not.toContain('customer');
    expect(findKindCues('per-user quotas').some((m) => m.cue.kind === 'user')).toBe(false);
    expect(findKindCues('the data model and the threat model').length).toBe(0);
  });

  it('matches across the extra spaces left by blanked-out Markdown', () => {
    expect(texts('calls the   vector   database')).toEqual(['vector   database']);
  });

  it('needs labelling context before reading "contractors" as a labelling workforce', () => {
    const [m] = findKindCues('contractors');
    expect(m?.cue.kind).toBe('labeling');
    expect(m?.cue.requires?.test('contractors build the office')).toBe(false);
    expect(m?.cue.requires?.test('tickets labelled by contractors')).toBe(true);
  });
});

describe('cue keys and generic names', () => {
  it('keys professions by role, so "lawyers" and "Lawyer" merge but "auditors" stays apart', () => {
    const [a] = findKindCues('lawyers');
    const [b] = findKindCues('Lawyer');
    const [c] = findKindCues('auditors');
    expect(cueKey(a!)).toBe(cueKey(b!));
    expect(cueKey(c!)).not.toBe(cueKey(a!));
  });

  it('recognises category-only names', () => {
    expect(isGenericName('Vector store')).toBe(true);
    expect(isGenericName('LLM')).toBe(true);
    expect(isGenericName('Pinecone index')).toBe(false);
  });
});
