import type { ComponentKind, ComponentProperty } from '../domain/system.js';

/**
 * How a cue behaves when it is found in text:
 * - `brand`: a named product (Pinecone, Okta); one component per brand key.
 * - `provider`: a hosted-model provider or model runtime (OpenAI, Ollama); it attaches to a model named in
 *   the same sentence and only becomes a component of its own when none is.
 * - `strong`: a category phrase ("vector database", "feature store"); refers to the first component of
 *   its kind when one exists, else creates one.
 * - `named`: a qualified category ("fraud model", "carrier tracking API"); distinct per wording.
 * - `user`: a human role; distinct per role group.
 * - `weak`: a generic word ("model", "index", "assistant"); refers to an existing component of one of
 *   its kinds and creates one only when `create` is set and none exists.
 * - `agent`: the bare word "agent", which may be a person (support agent) or an AI agent.
 */
export type CueStrength = 'brand' | 'provider' | 'strong' | 'named' | 'user' | 'weak' | 'agent';

/** Options of one lexicon row. */
export interface CueOptions {
  /** Properties the matched component gets. */
  readonly props?: readonly ComponentProperty[];
  /** The cue only counts when the same sentence also matches this (case-insensitive source). */
  readonly requires?: string;
  /** Case-sensitive match (for brands that are also common words: Feast, Vault, Slack). */
  readonly cs?: boolean;
  /** For `weak` cues: the kinds it may refer to, in preference order (default: its own kind). */
  readonly refers?: readonly ComponentKind[];
  /** For `weak` cues: create a component when nothing to refer to exists. */
  readonly create?: boolean;
}

/** One lexicon row: kind, strength, merge key, regex source, options. */
export type CueRow = readonly [ComponentKind, CueStrength, string, string, CueOptions?];

const HOSTED: readonly ComponentProperty[] = ['third-party-hosted', 'pay-per-use'];
const SELF: readonly ComponentProperty[] = ['self-hosted'];
const EXTERNAL_LABEL: readonly ComponentProperty[] = ['external-labellers'];
const LABEL_CONTEXT = String.raw`label|annotat|\brat(?:e|es|ed|ing)\b|\btag(?:s|ged|ging)?\b|curat`;

/** Words that make "model" mean something other than an AI model ("data model", "threat model"). */
const NOT_AI_MODEL = String.raw`(?<!\b(?:data|threat|business|pricing|object|domain|mental|operating|security|permission|access|role|cost|deployment|service|delivery|revenue|subscription|relational|governance|maturity|process|3D|financial|licensing|execution|programming|memory|request|response)[- ])`;

/** Follow-on words that make a user noun a modifier ("customer data") rather than a person. */
const NOT_PERSON = String.raw`(?![- ](?:data|records?|ids?|information|info|details|facing|success|experience|base|accounts?|profiles?|settings?|sessions?|names?|segments?|support|service|journey|lifetime|quotas?|agents?|interface|context lookup|health|medical|history|histories|notes|charts|preferences|permissions|roles|management|directory)\b)`;

/**
 * The component lexicon. Longer matches win over shorter ones at the same place, so specific rows
 * ("Llama Guard", "Azure OpenAI") beat general ones ("Llama", "OpenAI").
 */
export const KIND_CUE_ROWS: readonly CueRow[] = [
  // Hosted LLM providers and model runtimes.
  ['llm', 'provider', 'azure-openai', String.raw`Azure OpenAI(?: Service)?`, { props: HOSTED }],
  ['llm', 'provider', 'openai', String.raw`OpenAI(?:'s)?`, { props: HOSTED }],
  ['llm', 'provider', 'anthropic', String.raw`Anthropic(?:'s)?`, { props: HOSTED }],
  ['llm', 'provider', 'bedrock', String.raw`(?:Amazon |AWS )?Bedrock`, { props: HOSTED }],
  ['llm', 'provider', 'vertex', String.raw`(?:Google (?:Cloud )?)?Vertex(?: AI)?|Google AI Studio|Azure AI (?:Foundry|Studio)|watsonx(?:\.ai)?`, { props: HOSTED, cs: true }],
  ['llm', 'provider', 'gemini', String.raw`Gemini API`, { props: HOSTED }],
  ['llm', 'provider', 'mistral', String.raw`Mistral (?:AI|API|La Plateforme)`, { props: HOSTED }],
  ['llm', 'provider', 'cohere', String.raw`Cohere`, { props: HOSTED }],
  ['llm', 'provider', 'hosted-llm', String.raw`Groq(?:Cloud)?|Together(?: AI|\.ai)|Fireworks(?: AI)?|Replicate|OpenRouter|Perplexity(?: API)?|DeepSeek API|xAI|AI21(?: Labs)?|(?:Hugging ?Face )?Inference (?:API|Endpoints)|Databricks Model Serving`, { props: HOSTED, cs: true }],
  ['llm', 'provider', 'ollama', String.raw`Ollama`, { props: SELF }],
  ['llm', 'provider', 'vllm', String.raw`vLLM|SGLang|TensorRT-LLM|Triton(?: Inference Server)?|LM Studio|LocalAI|MLC LLM`, { props: SELF }],
  ['llm', 'provider', 'llama-cpp', String.raw`llama\.cpp|llama-cpp(?:-python)?|llamafile`, { props: SELF }],
  ['llm', 'provider', 'tgi', String.raw`TGI|text-generation-inference|Text Generation Inference`, { props: SELF }],
  // LLM model families.
  ['llm', 'brand', 'gpt', String.raw`ChatGPT|GPT[- ]?(?:3\.5|4o|4\.1|4\.5|4|5)(?:[-.]?(?:turbo|mini|nano|preview|\d+k))*`, { props: HOSTED }],
  ['llm', 'brand', 'claude', String.raw`Claude(?:[- ](?:\d(?:\.\d)?|Instant|Sonnet|Opus|Haiku)){0,3}`, { props: HOSTED }],
  ['llm', 'brand', 'gemini', String.raw`Gemini(?:[- ](?:\d(?:\.\d)?|Pro|Flash|Ultra|Nano|Lite)){0,3}`, { props: HOSTED }],
  ['llm', 'brand', 'hosted-model', String.raw`PaLM(?: ?2)?|Command[- ]R\+?|Grok(?:[- ]\d)?|(?:Amazon )?Titan Text(?: \w+)?|Amazon Nova|GitHub Copilot`, { props: HOSTED, cs: true }],
  ['llm', 'brand', 'llama', String.raw`(?:Meta[- ])?(?:Code ?)?Llama(?:[- ]?\d(?:\.\d)?)?(?:[- ]?\d+[bB])?(?:[- ](?:Instruct|Chat|Vision))?`],
  ['llm', 'brand', 'mistral', String.raw`Mistral(?:[- ](?:\d+[bB]|Large|Medium|Small|Nemo|Instruct))*|Mixtral[\w.-]*|Codestral|Ministral`],
  ['llm', 'brand', 'open-model', String.raw`Qwen[\w.-]*|DeepSeek(?:[- ](?:V\d|R1|Coder|Chat)[\w.-]*)?|Phi-?\d(?:\.\d)?(?:-mini|-medium)?|Gemma[\w.-]*|Falcon[- ]?\d+[bB]|StarCoder ?2?|GPT-J|GPT-NeoX|GPT-2|BLOOM|FLAN-T5|Vicuna|OLMo`, { cs: true }],
  ['llm', 'strong', 'k:llm', String.raw`LLMs?|large language models?|(?:small )?language models?|foundation models?|generative (?:AI )?models?|chat (?:completion|model)s?|text[- ]generation models?|completions? (?:API|endpoint|model)s?|LLM (?:API|provider|endpoint|service)s?|open[- ](?:weights?|source) (?:LLM|model)s?`],
  ['llm', 'weak', 'w:model', NOT_AI_MODEL + String.raw`(?:AI |ML )?models?(?: provider)?`, { refers: ['llm', 'ml-model', 'embedding-model'], create: true }],
  ['llm', 'weak', 'w:assistant', String.raw`(?:AI |virtual |digital |voice |support |customer[- ]service |help[- ]?desk |shopping |coding |writing |research |HR |IT |legal |sales )?(?:assistant|chat ?bot|copilot)s?|(?:AI|virtual|digital|voice|support|customer[- ]service|help[- ]?desk|shopping|coding|writing|research|HR|IT|legal|sales) bots?|conversational AI`, { refers: ['agent', 'llm'], create: true }],
  ['llm', 'weak', 'w:assistant', String.raw`bots?(?! (?:traffic|detection|protection|filtering|accounts?|attacks?|management|mitigation))`, { refers: ['agent', 'llm'] }],
  // Embedding models.
  ['embedding-model', 'brand', 'b:embedding', String.raw`text-embedding-[\w.-]+|Cohere Embed(?:[- ](?:v\d(?:\.\d)?|English|Multilingual)[\w.-]*)*|(?:Cohere )?embed-(?:english|multilingual|v\d)[\w.-]*|(?:all-)?MiniLM[\w.-]*|all-mpnet[\w.-]*|sentence-transformers(?:/[\w.-]+)?|bge-[\w.-]+|BGE(?:-[\w.]+)?|E5-[\w.-]+|nomic-embed[\w.-]*|(?:Amazon )?Titan (?:Text )?Embeddings?(?: V\d)?|voyage-[\w.-]+|Voyage AI|jina-embeddings[\w.-]*|gte-[\w.-]+|CLIP`],
  ['embedding-model', 'strong', 'k:embedding-model', String.raw`embedding (?:model|service|API|endpoint|server|function|job)s?|embeddings? model|embedder|(?:text|sentence) (?:encoder|transformer)s?|encoder models?`],
  // Predictive models.
  ['ml-model', 'named', 'ml', String.raw`(?:credit|risk|fraud|churn|propensity|pricing|demand|forecast(?:ing)?|anomaly|spam|toxicity|sentiment|intent|lead|default|recommendation|ranking|underwriting|eligibility|triage|routing|next[- ]best[- ]action|personali[sz]ation|search ranking|object detection|image|vision|document|OCR|claims?)(?:[- ](?:scoring|detection|classification|prediction|risk|recognition))?[- ](?:model|classifier|detector|engine|scorer|predictor|system)s?`],
  ['ml-model', 'named', 'ml', String.raw`(?:face|facial|speaker|voice|fingerprint|iris|palm)[- ](?:recognition|detection|matching|verification|identification|ID|biometrics?|print)(?: (?:model|service|system|engine|API))?|liveness (?:check|detection)(?: model| service)?|voice ?prints?`, { props: ['biometric'] }],
  ['ml-model', 'named', 'ml', String.raw`(?:speech[- ]to[- ]text|text[- ]to[- ]speech|automatic speech recognition|speech recognition|STT|ASR|TTS|voice synthesis|OCR)(?: (?:model|service|engine|API))?|Whisper`],
  ['ml-model', 'strong', 'k:ml-model', String.raw`classifiers?|classification models?|ML models?|machine[- ]learning models?|predictive models?|recommend(?:er|ation) (?:systems?|engines?)|recommenders?|rankers?|scoring (?:model|service|API|engine)s?|prediction (?:API|service|endpoint)s?|computer vision models?|vision models?|XGBoost|LightGBM|CatBoost|scikit-learn|sklearn|random forests?|gradient[- ]boost(?:ed|ing)(?: trees?| models?)?|logistic regression|DistilBERT|RoBERTa|DeBERTa|BERT|ResNet[\w-]*|YOLO[\w-]*|EfficientNet|Isolation Forest|autoencoders?|SageMaker (?:endpoint|inference)s?`],
  ['ml-model', 'brand', 'b:hosted-ml', String.raw`(?:Amazon |AWS )?(?:Rekognition|Comprehend|Transcribe|Textract|Polly|Lex)|Deepgram|AssemblyAI|ElevenLabs|(?:Google )?(?:Cloud )?(?:Vision|Speech-to-Text|Natural Language) API|Azure (?:AI )?(?:Vision|Speech|Language|Form Recognizer|Document Intelligence)(?: API| service)?|Document AI`, { props: ['third-party-hosted'] }],
  ['ml-model', 'brand', 'b:face-api', String.raw`Azure Face(?: API)?|Face\+\+|FaceTec|Nuance(?: Gatekeeper)?|Pindrop`, { props: ['third-party-hosted', 'biometric'] }],
  // Guardrails.
  ['guardrail', 'strong', 'k:guardrail', String.raw`guardrails?|content (?:filters?|moderation|safety)(?: (?:API|service|model|classifier|layer|filter))?|moderation (?:API|endpoint|model|classifier|layer|service|filter|check)s?|(?:input|output|prompt|PII|safety|toxicity|jailbreak|injection) (?:filter|guard|classifier|scanner|detector|check)s?|Llama ?Guard[\w.-]*|NeMo Guardrails|Guardrails AI|Lakera(?: Guard)?|Prompt ?Guard|Rebuff|(?:Azure (?:AI )?)?Content Safety|(?:OpenAI )?Moderation API|Presidio|Bedrock Guardrails|LLM Guard`],
  // Vector stores.
  ['vector-store', 'brand', 'b:pinecone', String.raw`Pinecone`],
  ['vector-store', 'brand', 'b:weaviate', String.raw`Weaviate`],
  ['vector-store', 'brand', 'b:qdrant', String.raw`Qdrant`],
  ['vector-store', 'brand', 'b:chroma', String.raw`Chroma(?:DB)?`],
  ['vector-store', 'brand', 'b:pgvector', String.raw`pgvector|pg_vector`],
  ['vector-store', 'brand', 'b:milvus', String.raw`Milvus|Zilliz`],
  ['vector-store', 'brand', 'b:faiss', String.raw`FAISS|LanceDB|Vespa|Marqo|Turbopuffer|ScaNN|Annoy|HNSWlib|sqlite-vec|sqlite-vss|Cloudflare Vectorize|Supabase Vector`],
  ['vector-store', 'brand', 'b:opensearch-knn', String.raw`(?:Amazon )?OpenSearch(?: Serverless)? (?:k-?NN|vector(?: search| engine| store| index)?)|Elasticsearch (?:k-?NN|vector|dense[- ]vector)(?: search)?|(?:MongoDB )?Atlas Vector Search|Redis (?:Vector|Stack|Search|VSS)|Azure (?:AI |Cognitive )?Search|Vertex AI (?:Vector Search|Matching Engine)|(?:Amazon )?Kendra|(?:Amazon )?Bedrock Knowledge Bases?|Knowledge Bases? for (?:Amazon )?Bedrock`],
  ['vector-store', 'strong', 'k:vector-store', String.raw`vector (?:database|DB|store|index|search(?: index| engine)?|storage)s?|vectorDB|vector-?store|embeddings? (?:index|store|database|DB)(?:es)?|(?:semantic|similarity|hybrid|code|document|code search) (?:search )?index(?:es)?|search index(?:es)?|retrieval (?:index|store|system|service|layer)|retrievers?|RAG (?:index|store|pipeline|service)`],
  ['vector-store', 'weak', 'w:index', String.raw`index(?:es)?`, { refers: ['vector-store'] }],
  // ML platform.
  ['feature-store', 'strong', 'k:feature-store', String.raw`Feast|Tecton|Hopsworks|(?:SageMaker|Vertex AI|Databricks|Azure ML) Feature Store|feature (?:store|platform|pipeline|repository)s?`],
  ['labeling', 'brand', 'b:labeling-tool', String.raw`Label Studio|Labelbox|CVAT|Snorkel(?: Flow)?|SageMaker Ground Truth`],
  ['labeling', 'brand', 'b:labeling-vendor', String.raw`Scale AI|Scale Rapid|(?:Amazon )?Mechanical Turk|MTurk|Appen|Toloka|Surge AI|Prolific|Upwork`, { props: EXTERNAL_LABEL }],
  ['labeling', 'strong', 'k:labeling', String.raw`(?:data[- ])?(?:labell?ing|annotation)(?: (?:tool|team|vendor|workforce|platform|service|queue|UI|process|contractors?))?|(?:human |in-house )?(?:annotators|labell?ers|raters)`],
  ['labeling', 'strong', 'k:labeling', String.raw`crowd[- ]?workers|crowdsourc(?:ed|ing)(?: workers)?|(?:external |outsourced )?(?:contractors|freelancers)|outsourced (?:team|workers|labell?ers)|BPO(?: vendor)?|external (?:annotators|labell?ers|raters)`, { props: EXTERNAL_LABEL, requires: LABEL_CONTEXT }],
  ['model-registry', 'strong', 'k:model-registry', String.raw`MLflow(?: (?:Model )?Registry| Tracking)?|(?:SageMaker|Vertex AI|Azure ML|Databricks|Unity Catalog) (?:Model )?Registry|Weights (?:&|and) Biases|W&B|wandb|Neptune\.ai|Comet ML|DVC|model (?:registry|registries|store|repository|repo|artifact store|artefact store|catalog(?:ue)?|bucket|storage|files|artefacts|artifacts)|(?:model )?artifact (?:store|registry|repository)|artefact (?:store|registry)`],
  ['model-hub', 'strong', 'k:model-hub', String.raw`Hugging ?Face(?: Hub)?|HF Hub|huggingface\.co|(?:public )?model (?:hub|zoo|garden)s?|Model Garden|TensorFlow Hub|TF Hub|PyTorch Hub|Torch Hub|Civitai|Kaggle(?: Models)?|ONNX Model Zoo|Ollama (?:library|registry)`],
  ['eval-gate', 'strong', 'k:eval-gate', String.raw`eval(?:uation)?[- ](?:gate|harness|suite|pipeline|step|stage|job|check)s?|(?:model )?validation (?:gate|step|stage)|(?:approval|promotion|quality|release|safety) gates?|offline evaluation|(?:red[- ]team(?:ing)?|benchmark) (?:suite|stage|gate)|champion[/ -]challenger|shadow evaluation`],
  ['training-pipeline', 'strong', 'k:training-pipeline', String.raw`(?:re-?)?training (?:pipeline|job|run|loop|cluster|process|workflow|service)s?|fine-?tun(?:ing|e) (?:pipeline|job|run|process|service|workflow)s?|(?:ML|MLOps|model training) pipelines?|SageMaker (?:Training|Pipelines)|Kubeflow(?: Pipelines)?|Vertex AI (?:Pipelines|Training)|Azure ML (?:pipelines?|jobs?)|Metaflow|ZenML|TFX|Ray Train`],
  ['training-data', 'strong', 'k:training-data', String.raw`(?:training|fine-?tuning|feedback|evaluation|eval|test|validation|golden|labell?ed|benchmark|preference|RLHF) (?:data(?:sets?)?|datasets?|sets?|corpus|corpora|examples|samples|pairs)`],
  ['training-data', 'weak', 'w:dataset', String.raw`datasets?`, { refers: ['training-data'] }],
  // Agents, tools, sandboxes, memory.
  ['agent', 'strong', 'k:agent', String.raw`(?:AI|LLM|autonomous|conversational|coding|software|research|browser|web|browsing|e-?mail|planning|planner|executor|supervisor|orchestrator|router|ReAct|tool[- ]using|tool[- ]calling)[- ]agents?|agentic (?:system|workflow|assistant|AI|app|application|loop)s?|agent (?:framework|runtime|loop|executor|orchestrator|mode|platform)s?|sub-?agents?|multi-agent(?: system)?`],
  ['agent', 'strong', 'k:agent', String.raw`LangGraph(?: agents?)?|CrewAI|AutoGen|Semantic Kernel|(?:OpenAI )?Assistants API|(?:OpenAI )?Agents SDK|Bedrock Agents?|Agents for (?:Amazon )?Bedrock|Vertex AI Agent (?:Builder|Engine)|Copilot Studio|AutoGPT|smolagents|Pydantic ?AI|(?:LlamaIndex|LangChain) agents?`],
  ['agent', 'agent', 'w:agent', String.raw`(?<!\b(?:build|CI|Jenkins|Datadog|monitoring|SSM|deployment|runner|logging|OTel|collector|backup|host|sidecar|travel|insurance|estate|booking|user|ticket|Zendesk|Salesforce|secret|double|free) )agents?`],
  ['tool', 'named', 'tool', String.raw`MCP (?:servers?|tools?)|Model Context Protocol(?: servers?)?|(?:ChatGPT |GPT |OpenAI )?plugins?|function tools?|(?:web[- ]search|search|calendar|calculator|CRM|database|SQL|e-?mail|browser|browsing|shell|terminal|file(?:[- ]?system)?|HTTP|API|refund|payment|ticketing|retrieval|lookup|Python|code|weather|maps?|Slack|Jira|GitHub)[- ]tools?|headless browsers?|Playwright|Puppeteer|Selenium|Browserbase|browser[- ]use|Zapier|n8n|Composio`],
  ['tool', 'weak', 'w:tool', String.raw`tools?`, { refers: ['tool'] }],
  ['code-interpreter', 'strong', 'k:code-interpreter', String.raw`code interpreters?|code[- ]execution (?:sandbox|environment|tool|service|runtime)s?|(?:code |execution )?sandbox(?:es|ed (?:environment|runtime|container|VM))?(?: (?:runner|environment|VM|container|runtime))?|Jupyter(?: kernels?| notebooks?| server)?|E2B|Firecracker(?: microVMs?)?|gVisor|Pyodide|(?:Python|shell|bash|JavaScript|Node) (?:REPL|runtime|executor|sandbox|interpreter)|REPL|code runner|Modal sandboxes?|Daytona`, { props: ['executes-code'] }],
  ['agent-memory', 'strong', 'k:agent-memory', String.raw`(?:long[- ]term|persistent|agent|conversation(?:al)?|chat|user|episodic|semantic|shared|cross-session) memory(?: (?:store|service|layer|bank|DB|database|module))?|memory (?:store|service|layer|bank|DB|database|module)s?|Mem0|Zep|Letta|MemGPT`, { props: ['persistent-memory'] }],
  // Content sources.
  ['web-content', 'strong', 'k:web-content', String.raw`web ?pages?|webpages|(?:external |third-party |public )?websites|web (?:content|sites|search results|documents)|(?:RSS|news|Atom) feeds?|(?:web )?search results|internet content|scraped (?:pages|content|data)|Common Crawl|(?:Google|Bing|Brave) (?:Custom )?Search(?: API)?|Tavily|SerpAPI|Serper|DuckDuckGo`],
  ['email', 'brand', 'b:gmail', String.raw`Gmail(?: API)?|Google Workspace (?:mail|mailbox|inbox|email)(?:es)?|G Suite mail`],
  ['email', 'brand', 'b:outlook', String.raw`Outlook(?: mailbox| inbox)?|(?:Microsoft |MS )?Exchange(?: Online)?|(?:Office|Microsoft) 365 (?:mail|mailbox|inbox)`, { cs: true }],
  ['email', 'brand', 'b:email-send', String.raw`SendGrid|Mailgun|(?:Amazon |AWS )?SES|Postmark|Mailchimp|Mandrill`, { cs: true }],
  ['email', 'strong', 'k:email', String.raw`(?:shared |support |team |group |customer |incoming |user |corporate |company |personal )?(?:e-?mail )?(?:inbox|mailbox)(?:es)?|e-?mail (?:server|service|account|gateway|API|provider|system|channel)s?|incoming e-?mails?|SMTP(?: server| relay| service)?|IMAP(?: server)?|POP3`],
  ['email', 'weak', 'w:email', String.raw`e-?mails?(?! address)`, { refers: ['email'] }],
  // Business systems.
  ['external-service', 'brand', 'b:zendesk', String.raw`Zendesk`],
  ['external-service', 'brand', 'b:salesforce', String.raw`Salesforce`],
  ['external-service', 'brand', 'b:jira', String.raw`Jira(?: Service Management| Software| Cloud)?`],
  ['external-service', 'brand', 'b:stripe', String.raw`Stripe`],
  ['external-service', 'brand', 'b:saas', String.raw`HubSpot|ServiceNow|PayPal|Adyen|Braintree|Twilio|Shopify|Intercom|Freshdesk|Workday|Plaid|Google Maps(?: API)?|DocuSign|Airtable|Asana|Trello|Microsoft Graph(?: API)?|Experian|Equifax|TransUnion|SAP|Slack(?: API)?|Zoom`, { cs: true }],
  ['external-service', 'named', 'ext', String.raw`(?:third[- ]party|external|partner|vendor|carrier|shipping|tracking|payment|weather|maps?|credit[- ]bureau|KYC|CRM|ERP|billing|banking|core banking)(?: [\w-]+)? (?:API|APIs|service|services|system|provider|gateway|platform)|payment (?:gateway|processor|provider)s?|CRM|ERP`],
  // Data stores.
  ['database', 'brand', 'b:postgres', String.raw`Postgres(?:QL)?|(?:Amazon |AWS )Aurora(?: PostgreSQL| MySQL| Serverless)?|Aurora (?:PostgreSQL|MySQL|Serverless|DB)|(?:Amazon |AWS )?RDS|Cloud SQL`],
  ['database', 'brand', 'b:mysql', String.raw`MySQL|MariaDB`],
  ['database', 'brand', 'b:mongodb', String.raw`MongoDB(?: Atlas)?`],
  ['database', 'brand', 'b:dynamodb', String.raw`DynamoDB`],
  ['database', 'brand', 'b:redis', String.raw`Redis|Valkey|Memcached|ElastiCache`],
  ['database', 'brand', 'b:cosmos', String.raw`Cosmos ?DB|Firestore|Firebase(?: Realtime Database)?|Supabase`],
  ['database', 'brand', 'b:warehouse', String.raw`BigQuery|Snowflake|Redshift|ClickHouse|Synapse|Teradata`],
  ['database', 'brand', 'b:sql', String.raw`(?:Microsoft )?SQL Server|Azure SQL(?: Database)?|Oracle(?: DB| Database)?|Cassandra|ScyllaDB|SQLite|Neo4j|CockroachDB|PlanetScale|(?:Cloud )?Spanner|Bigtable|HBase|Couchbase|CouchDB|InfluxDB|TimescaleDB|Elasticsearch|OpenSearch|Solr`],
  ['database', 'strong', 'k:database', String.raw`(?:SQL|NoSQL|relational|graph|document|time[- ]series|key[- ]value|operational|transactional|application|analytics|main|primary|production) (?:database|DB)s?|databases?|DBs?|data ?warehouses?|(?:in-memory|session|response|semantic|result|prompt) caches?`],
  ['database', 'named', 'db', String.raw`(?:Redis|DynamoDB|Bigtable|Cassandra|BigQuery|Snowflake|Hive|Postgres|Aerospike|Feast) (?:online|offline) (?:feature )?stores?`],
  ['database', 'named', 'db', String.raw`(?:customer|user|orders?|product|patient|account|transaction|ticket|conversation|chat|session|audit|billing|inventory|CRM|HR|employee|claims?|loan|policy|case|feedback|results?) (?:database|DB|store|table)s?`],
  ['storage', 'brand', 'b:s3', String.raw`(?:Amazon |AWS )?S3`, { cs: true }],
  ['storage', 'brand', 'b:gcs', String.raw`Google Cloud Storage|GCS`],
  ['storage', 'brand', 'b:azure-blob', String.raw`Azure (?:Blob|Data Lake|Files)(?: Storage)?|ADLS(?: Gen2)?`],
  ['storage', 'brand', 'b:sharepoint', String.raw`SharePoint(?: Online)?`],
  ['storage', 'brand', 'b:confluence', String.raw`Confluence(?: Cloud| Server| Data Center)?`],
  ['storage', 'brand', 'b:gdrive', String.raw`Google (?:Drive|Docs)|OneDrive|Dropbox|Box\.com|Notion`],
  ['storage', 'brand', 'b:git', String.raw`GitHub(?: Enterprise)?|GitLab|Bitbucket`],
  ['storage', 'brand', 'b:lake', String.raw`Delta Lake|Iceberg|Databricks|HDFS|MinIO|Ceph|EFS`],
  ['storage', 'named', 'st', String.raw`(?:object|blob|file|document|cloud) (?:storage|store)s?|file (?:share|server|system|store)s?|shared (?:drive|folder)s?|network (?:share|drive)s?|data ?lake(?:house)?s?|lakehouse|buckets?|(?:internal |company |team |corporate |engineering )?wikis?|knowledge ?bases?|(?:help[- ]cent(?:er|re)|support|KB|knowledge[- ]base) articles|document (?:repository|library|management system|corpus)|(?:uploaded|user[- ]uploaded) (?:files|documents|PDFs|images)|file uploads|(?:code |source |git )?repositor(?:y|ies)|(?:git |code )?repos?|ticket(?:ing)? (?:system|corpus|history|archive)|(?:support|past|resolved|historical|closed) tickets|(?:PDF|policy|HR|internal) documents|runbooks`],
  ['queue', 'brand', 'b:kafka', String.raw`Kafka|Confluent|Pulsar|Kinesis(?: Data Streams)?|Redis Streams`],
  ['queue', 'brand', 'b:sqs', String.raw`(?:Amazon |AWS )?(?:SQS|SNS)|EventBridge`],
  ['queue', 'brand', 'b:pubsub', String.raw`(?:Google (?:Cloud )?)?Pub/?Sub`],
  ['queue', 'brand', 'b:rabbitmq', String.raw`RabbitMQ|ActiveMQ|NATS(?: JetStream)?|(?:Azure )?Service Bus|Event ?Hubs?|Celery|BullMQ|Sidekiq`],
  ['queue', 'strong', 'k:queue', String.raw`(?:message|job|task|work|event|request) queues?|message (?:bus|broker)s?|event (?:bus|stream|broker)s?`],
  ['queue', 'weak', 'w:queue', String.raw`queues?`, { refers: ['queue'] }],
  // Identity, monitoring, delivery.
  ['identity', 'brand', 'b:okta', String.raw`Okta|Auth0|Keycloak|OneLogin|Ping(?:Identity|Federate|One)|(?:Amazon )?Cognito|Firebase Auth(?:entication)?|Google (?:Sign-In|Identity(?: Platform)?)`],
  ['identity', 'brand', 'b:entra', String.raw`(?:Microsoft )?Entra(?: ID)?|Azure (?:AD|Active Directory)|Active Directory|LDAP`],
  ['identity', 'brand', 'b:secrets', String.raw`(?:HashiCorp )?Vault|(?:AWS |Google |GCP )?Secrets? Manager|(?:Azure )?Key Vault|(?:AWS |GCP |Cloud )?KMS|Clerk|Duo`, { cs: true }],
  ['identity', 'strong', 'k:identity', String.raw`SSO|single sign-on|identity (?:provider|service)|IdP|OAuth (?:server|provider)|OIDC provider|auth(?:entication|orization)? (?:service|server|provider)|secrets? (?:store|vault|manager)|API key (?:vault|store)|login service`],
  ['monitoring', 'brand', 'b:monitoring', String.raw`Datadog|Prometheus|Grafana|Sentry|Splunk|ELK(?: stack)?|Kibana|Logstash|(?:Amazon |AWS )?CloudWatch|(?:Microsoft )?Sentinel|Azure Monitor|Application Insights|New Relic|Honeycomb|OpenTelemetry|Jaeger|Loki|PagerDuty|Opsgenie|Langfuse|LangSmith|Helicone|Arize(?: Phoenix)?|WhyLabs|Evidently|Fiddler|Cloud Logging|Stackdriver|Sumo Logic|Mixpanel|Amplitude|Google Analytics`, { cs: true }],
  ['monitoring', 'named', 'mon', String.raw`(?:audit|access|application|request|action|event|activity|security|system|prompt|chat|conversation|LLM|model|usage) logs?|audit trails?|logging (?:service|pipeline|system|stack|platform)|SIEM|(?:metrics|monitoring|observability|tracing|alerting|telemetry) (?:stack|system|service|platform|pipeline|dashboards?|tool)s?|log (?:store|storage|pipeline|aggregat(?:or|ion))`],
  ['ci-cd', 'strong', 'k:ci-cd', String.raw`GitHub Actions|GitLab CI(?:/CD)?|GitLab pipelines?|Jenkins|CircleCI|Travis(?: CI)?|Argo ?CD|Argo Workflows|Azure (?:DevOps|Pipelines)|(?:AWS )?Code(?:Pipeline|Build|Deploy)|Buildkite|Spinnaker|Tekton|TeamCity|Cloud Build|CI/CD(?: pipelines?| system)?|CI pipelines?|CD pipelines?|(?:build|deploy(?:ment)?|release) (?:pipeline|system|server)s?|continuous (?:integration|deployment|delivery)`],
  // Interfaces.
  ['frontend', 'named', 'fe', String.raw`(?:React |Vue |Angular |Next\.js |single-page |internal |customer |admin |public |partner )?web ?app(?:lication)?s?|(?:mobile|iOS|Android|native|desktop|Electron) app(?:lication)?s?|(?:chat|support|help|feedback|AI|assistant|web) widgets?|widgets?|(?:chat|web|user|admin|operator) (?:UI|interface|frontend|console|portal|panel|window)s?|(?:Slack|Teams|Microsoft Teams|Discord|Telegram|WhatsApp|Messenger|WeChat) (?:bot|app|integration)s?|(?:VS ?Code|Visual Studio Code|JetBrains|IntelliJ|IDE|browser|Chrome|Firefox|Office|Outlook|Word|Excel) (?:extension|plugin|add-?in|add-?on)s?|(?:admin |customer |self-service |partner |developer )?(?:portal|dashboard)s?|front-?ends?|web UI|user interface|(?:help[- ]cent(?:er|re)|support) (?:site|portal|page|website)|(?:our|company|corporate|marketing|public|e-?commerce) website|chat (?:panel|window)|webviews?|IDEs?|IVR|kiosks?|Microsoft Teams|WhatsApp(?: Business)?(?: API)?|online (?:store|shop)|e-?commerce (?:site|store|platform)|storefronts?|Genesys(?: Cloud)?|Amazon Connect|Five9|Avaya|Twilio (?:Voice|Flex)|NICE CXone|(?:phone|telephony|voice) (?:channel|line|system|gateway)|contact cent(?:er|re) platform`],
  ['service', 'named', 'svc', String.raw`API gateway|(?:AWS |Amazon )?API Gateway|backend(?: service| API| server)?s?|back-end|orchestrat(?:or|ion (?:service|layer))|middleware|microservices?|web server|app(?:lication)? server|(?:reverse )?proxy|load balancer|BFF|LiteLLM(?: proxy)?|LLM (?:gateway|proxy|router)|AI gateway|Portkey|Kong|Apigee|Nginx|Envoy|gateway`],
  // People.
  ['user', 'user', 'u:support-agent', String.raw`(?:human|support|customer (?:service|support)|live|call[- ]cent(?:er|re)|service[- ]desk|help[- ]?desk|sales) agents?|(?:support|service[- ]desk|help[- ]?desk) (?:staff|team|engineers?)`],
  ['user', 'user', 'u:user', String.raw`(?:(?:anonymous|logged-in|logged in|authenticated|registered|external|internal|end|business|enterprise|retail|premium|free|paying|guest|B2B|B2C|mobile|web)[- ])?(?:end[- ])?(?:users?|customers?|visitors?|consumers?|shoppers?|buyers?|subscribers?|patients?|students?|citizens?|callers?|applicants?|employees?|staff members?|learners?|travell?ers?|members of the public)` + NOT_PERSON],
  ['user', 'user', 'u:developer', String.raw`(?:software |ML |data |platform |backend |frontend )?(?:developers?|engineers?|programmers?|data scientists?)` + NOT_PERSON],
  ['user', 'user', 'u:admin', String.raw`(?:system |IT |platform |tenant |workspace |org(?:anization)? )?(?:admins?|administrators?|operators?|SREs?)` + NOT_PERSON],
  ['user', 'user', 'u:analyst', String.raw`(?:fraud |data |security |business |financial |credit |risk )?analysts?`],
  ['user', 'user', 'u:reviewer', String.raw`(?:human |content )?(?:reviewers?|moderators?|approvers?|coordinators?|dispatchers?)`],
  ['user', 'user', 'u:clinician', String.raw`clinicians?|doctors?|physicians?|nurses?|radiologists?|pharmacists?|caregivers?`],
  ['user', 'user', 'u:professional', String.raw`counterpart(?:y|ies)|underwriters?|loan officers?|recruiters?|hiring managers?|claims? adjusters?|case ?workers?|teachers?|lawyers?|attorneys?|paralegals?|auditors?|traders?|financial advis[eo]rs?`],
];
