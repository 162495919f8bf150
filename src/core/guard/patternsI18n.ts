import type { Cue } from './patterns.js';
import type { GateSpec } from './gate.js';

/** Word end for Latin-script languages with accented letters (\b is ASCII-only). */
const E = String.raw`(?![a-zà-öø-ÿœ0-9])`;
const W = String.raw`(?:\s+[^\s.!?。]+){0,4}?\s+`;
/**
 * Cues whose match must start a word. Checked after matching: a leading lookbehind stops the regex
 * engine from skipping ahead on the first letters, which made these cues ten times slower.
 */
const LATIN = /^(?:ovr|role|leak|secret|ai|mm)-(?:es|fr|de|pt|it)(?:-|$)|^exf-i18n$/;

function cue(id: string, family: Cue['family'], weight: number, source: string, verbal = false): Cue {
  const unless = /-(?:zh|ja)(?:-|$)/.test(id) ? THIRD_PERSON_CJK : undefined;
  return { id, family, weight, re: new RegExp(source, 'gi'), verbal, wordStart: LATIN.test(id), gate: GATES[id]?.split(' ') ?? scriptGate(id), unless };
}

/** "Its"/"his"/"her" in Chinese and Japanese: the text describes what a model does, it does not address one. */
const THIRD_PERSON_CJK = /其|它的|他的|她的|その/;

/** Cues for non-Latin scripts open on the script itself. */
function scriptGate(id: string): GateSpec | undefined {
  if (/-(?:zh|ja)(?:-|$)/.test(id)) return ['#cjk'];
  if (/-ru(?:-|$)/.test(id)) return ['#cyr'];
  if (/-ko(?:-|$)/.test(id)) return ['#hangul'];
  return undefined;
}

/** Gate words per Latin-script cue (see {@link Cue.gate}). */
const GATES: Record<string, string> = {
  'ovr-es': 'instrucciones indicaciones órdenes reglas directrices anterior que',
  'ovr-es-say': 'ignora ignore olvida olvide',
  'ovr-fr': 'ignore ignores ignorez oublie oublies oubliez néglige négliges négligez tiens tenez fais faites',
  'ovr-fr-say': 'ignore ignores ignorez oublie oublies oubliez',
  'ovr-de': 'anweisungen anweisung befehle regeln vorgaben richtlinien instruktionen anordnungen alles vorherigen bisherigen obigen früheren vorangegangenen',
  'ovr-pt': 'instruções instrucoes orientações regras diretrizes comandos ordens dito',
  'ovr-pt-say': 'ignore ignora esqueça',
  'ovr-it': 'istruzioni indicazioni regole direttive ordini comandi',
  'role-es': 'ahora finge',
  'role-fr': 'maintenant désormais dorénavant semblant',
  'role-de': 'jetzt sofort nun bist tu',
  'role-pt': 'agora finja',
  'role-it': 'ora adesso fingi',
  'leak-es': 'instrucciones sistema',
  'leak-fr': 'affiche affiches affichez révèle révèles révèlez montre montres montrez répète répètes répètez imprime imprimes imprimez écris donne donnes donnez',
  'leak-de': 'zeige zeig gib verrate wiederhole drucke nenne',
  'leak-pt': 'sistema instruções',
  'leak-it': 'sistema istruzioni',
  'secret-es': 'contraseña clave',
  'secret-fr': 'passe clé',
  'secret-de': 'passwort passworts passwortes kennwort kennworts schlüssel schlüssels',
  'secret-pt': 'senha chave palavra',
  'secret-it': 'password chiave',
  'exf-i18n': 'envía envia envíalo envíalos mande manda sube reenvía envoie envoies envoiez transmets transmettez téléverse téléverses téléversez sende senden schicke schick lade envie encaminhe invia inviate carica #cyr #cjk #hangul',
  'ai-es': 'ia modelo asistente agente nota mensaje instrucción atención aviso',
  'ai-fr': 'pour à si qui',
  'ai-de': 'ki modell assistenten assistent agenten sprachmodell hinweis nachricht notiz anweisung achtung',
  'ai-pt': 'ia modelo assistente agente nota mensagem instrução atenção aviso',
  'ai-it': 'ia modello assistente agente nota messaggio istruzione attenzione avviso',
  'mm-es': 'ningun ninguna amenazas riesgos vulnerabilidades vacía bajo baja bajos bajas analizar componente componentes',
  'mm-fr': 'aucun aucune vide faible faibles bas basse basses analyser composant',
  'mm-de': 'keine leere niedrig niedrige niedrigen niedriger niedriges gering geringe geringen geringer geringes nötig notwendig erforderlich komponente komponenten',
  'mm-pt': 'nenhuma nenhum ameaças riscos vulnerabilidades vazia baixo baixa baixos baixas analisar componente componentes',
  'mm-it': 'alcuna alcun nessuna nessun minacce rischi vulnerabilità vuota basso bassa bassi basse analizzare componente componenti',
};

/**
 * Multilingual cues: "ignore previous instructions"-style phrasing, role changes, prompt leaks,
 * secret requests, exfiltration, addressing the AI and manipulating a threat modeller, in Spanish,
 * French, German, Portuguese, Italian, Chinese, Japanese, Russian and Korean.
 */
export const I18N_CUES: readonly Cue[] = [
  // override
  cue('ovr-es', 'override', 0.7, String.raw`(?:ignora|ignore|ignoren|ignorad|olvida|olvide|olviden|descarta|descarte|omite|omita|pasa por alto|no (?:sigas|siga|hagas caso (?:a|de)))${W}(?:(?:las|tus|sus|todas las)\s+)?(?:instrucciones|indicaciones|órdenes|reglas|directrices|lo anterior|todo lo (?:anterior|que te))`),
  cue('ovr-es-say', 'override', 0.6, String.raw`(?:ignora|ignore|olvida|olvide)\s+(?:el|la|los|las|este|esta)\s+(?:\S+\s+){1,2}?y\s+(?:di|diga|declara|declare|responde|responda|escribe|escriba|indica|indique|afirma|afirme)${E}`),
  cue('ovr-fr', 'override', 0.7, String.raw`(?:ignore[sz]?|oublie[sz]?|néglige[sz]?|ne (?:tiens|tenez) pas compte d[eu']s?|fai(?:s|tes) abstraction d[eu']s?)(?:\s+[^\s.!?]+){0,3}?\s+(?:(?:les|tes|vos|ces|des|toutes les|tous les)\s+(?:[^\s.!?]+\s+)?(?:instructions|consignes|directives|règles|ordres|indications)|(?:consignes|règles|ordres))${E}|(?:ignore[sz]?|oublie[sz]?)\s+(?:tout\s+)?(?:ce qui précède|ce qu'on t'a dit|ce que l'on t'a dit|tout ce qu)`),
  cue('ovr-fr-say', 'override', 0.6, String.raw`(?:ignore[sz]?|oublie[sz]?)\s+(?:la|le|les|cette|ce)\s+(?:\S+\s+){1,2}?et\s+(?:dis|dites|indique[zs]?|déclare[zs]?|réponds|répondez|écris|écrivez|affirme[zs]?)${E}`),
  cue('ovr-de', 'override', 0.7, String.raw`(?:ignoriere|ignorier|ignorieren sie|vergiss|vergesst|vergessen sie|missachte|missachten sie|beachte nicht|beachten sie nicht)${W}(?:anweisungen|anweisung|befehle|regeln|vorgaben|richtlinien|instruktionen|anordnungen|alles)${E}|(?:ignoriere|ignorieren sie|vergiss|vergessen sie)\s+(?:alle\s+)?(?:vorherigen|bisherigen|obigen|früheren|vorangegangenen)`),
  cue('ovr-pt', 'override', 0.7, String.raw`(?:ignore|ignora|ignorem|esqueça|esqueca|esqueçam|desconsidere|desconsidera|despreze)${W}(?:(?:as|suas|todas as)\s+)?(?:instruções|instrucoes|orientações|regras|diretrizes|comandos|ordens|o que foi dito)`),
  cue('ovr-pt-say', 'override', 0.6, String.raw`(?:ignore|ignora|esqueça)\s+(?:a|o|as|os|esta|este)\s+(?:\S+\s+){1,2}?e\s+(?:diga|declare|responda|escreva|indique|afirme|o estado)`),
  cue('ovr-it', 'override', 0.7, String.raw`(?:ignora|ignorate|ignori|dimentica|dimenticate|dimentichi|trascura|non seguire|non tenere conto d\S*)${W}(?:(?:le|tue|tutte le)\s+)?(?:istruzioni|indicazioni|regole|direttive|ordini|comandi)`),
  cue('ovr-ru', 'override', 0.7, String.raw`(?:игнорируй(?:те)?|проигнорируй(?:те)?|забудь(?:те)?|не обращай(?:те)? внимания на|не следуй(?:те)?|отбрось(?:те)?|пренебреги(?:те)?)(?:\s+\S+){0,4}?\s+(?:инструкци\S*|указани\S*|правил\S*|команд\S*|всё|все,? что)`),
  cue('ovr-zh', 'override', 0.7, String.raw`(?:忽略|无视|忽视|忘记|忘掉|不要理会|不要遵守|不再遵守|抛开|别管|無視)[^。！？\n]{0,12}?(?:指令|指示|说明|規則|规则|提示|命令|要求|设定|限制|一切|所有内容|上述|以上|之前|先前)`),
  cue('ovr-zh-say', 'override', 0.6, String.raw`(?:忽略|无视|忽视)[^。！？\n]{0,10}?(?:并|然后|和|，)[^。！？\n]{0,4}?(?:说|声明|表示|回答|输出|写|陈述|状态)`),
  cue('ovr-ja', 'override', 0.7, String.raw`(?:以前|前|上記|以上|これまで|今まで|先ほど|上|すべて|全て)の(?:すべての|全ての)?(?:指示|命令|ルール|指令|説明|設定|プロンプト|内容|文章|要求)(?:を|は)(?:すべて|全て)?(?:無視して|無視しろ|無視せよ|無視しなさい|忘れて|忘れろ|忘れなさい|破棄して|破棄せよ)`),
  cue('ovr-ja-bare', 'override', 0.4, String.raw`(?:無視して|無視しろ|無視してください)`),
  cue('ovr-ko', 'override', 0.7, String.raw`(?:이전|앞의|위의|모든|기존)\s*(?:지시사항|지시|명령|규칙|지침|지시 사항)[을를은는]?\s*(?:모두\s*)?(?:무시|잊어)`),
  // role reassignment
  cue('role-es', 'role-reassignment', 0.55, String.raw`(?:a partir de ahora|desde ahora),?\s+(?:eres|serás|actúa|actuarás|responde|responderás|tu|tú)${E}|ahora eres|finge (?:ser|que eres)`),
  cue('role-fr', 'role-reassignment', 0.55, String.raw`(?:à partir de maintenant|désormais|dorénavant),?\s+(?:tu|vous|agis|agissez|réponds|répondez)${E}|(?:tu es|vous êtes) maintenant|fai(?:s|tes) semblant d'être`),
  cue('role-de', 'role-reassignment', 0.55, String.raw`(?:ab (?:jetzt|sofort)|von nun an),?\s+(?:bist du|wirst du|sind sie|antworte|antworten sie|handle|verhalte|du)${E}|du bist (?:jetzt|nun|ab jetzt)${E}|tu so, als (?:ob|wärst)`),
  cue('role-pt', 'role-reassignment', 0.55, String.raw`(?:a partir de agora|de agora em diante),?\s+(?:você|voce|tu|aja|responda|seja)${E}|agora você é|finja (?:ser|que é)`),
  cue('role-it', 'role-reassignment', 0.55, String.raw`(?:d'ora in (?:poi|avanti)|da adesso|da ora),?\s+(?:sei|sarai|tu|agisci|rispondi)${E}|ora sei|fingi di essere`),
  cue('role-ru', 'role-reassignment', 0.55, String.raw`(?:с этого момента|отныне|теперь),?\s+ты\s|притворись|веди себя как`),
  cue('role-zh', 'role-reassignment', 0.55, String.raw`从现在(?:开始|起)[，,]?\s*你|你现在是|你将扮演|假装你是|扮演一个(?:没有|不受)`),
  cue('role-ja', 'role-reassignment', 0.55, String.raw`(?:今から|これから|今後)(?:、)?(?:あなたは|君は|お前は)|あなたは今(?:から)?|になりきって`),
  cue('role-ko', 'role-reassignment', 0.55, String.raw`지금부터\s*(?:너는|당신은)`),
  // prompt leak and secret requests
  cue('leak-es', 'prompt-leak', 0.6, String.raw`(?:muestra|muéstrame|revela|revélame|imprime|repite|dime|escribe)\s+(?:tu|tus|el|las|sus)\s+(?:prompt (?:del|de) sistema|instrucciones (?:iniciales|del sistema|originales|ocultas))`, true),
  cue('leak-fr', 'prompt-leak', 0.6, String.raw`(?:affiche|révèle|montre|répète|imprime|écris|donne)[sz]?(?:-moi)?\s+(?:ton|tes|votre|vos|le|les)\s+(?:prompt (?:système|systeme|initial)|instructions (?:initiales|système|d'origine|cachées))`, true),
  cue('leak-de', 'prompt-leak', 0.6, String.raw`(?:zeige|zeig|gib|verrate|wiederhole|drucke|nenne)(?: mir)?\s+(?:deinen|deine|ihren|ihre|den|die)\s+(?:system-?prompt|(?:ursprünglichen|anfänglichen|initialen|versteckten) anweisungen|systemanweisungen)`, true),
  cue('leak-pt', 'prompt-leak', 0.6, String.raw`(?:mostre|revele|imprima|repita|diga|me diga)\s+(?:seu|suas|o|as)\s+(?:prompt do sistema|instruções (?:iniciais|do sistema|originais|ocultas))`, true),
  cue('leak-it', 'prompt-leak', 0.6, String.raw`(?:mostra|mostrami|rivela|stampa|ripeti|dimmi)\s+(?:il tuo|le tue|il|le)\s+(?:prompt di sistema|istruzioni (?:iniziali|di sistema|originali|nascoste))`, true),
  cue('leak-ru', 'prompt-leak', 0.6, String.raw`(?:покажи|выведи|раскрой|повтори|напечатай|сообщи)[^.\n]{0,20}(?:системн\S* (?:промпт|подсказк|инструкци)|(?:исходн|первоначальн|скрыт)\S* инструкци)`),
  cue('leak-zh', 'prompt-leak', 0.6, String.raw`(?:输出|显示|打印|透露|告诉我|重复|泄露)[^。\n]{0,8}(?:系统提示|系统提示词|初始指令|原始指令|你的指令|系统指令)`),
  cue('leak-ja', 'prompt-leak', 0.6, String.raw`(?:システムプロンプト|初期指示|最初の指示|元の指示)を(?:表示して|表示しろ|表示せよ|出力して|出力しろ|出力せよ|教えて|見せて|繰り返して|開示して)`),
  cue('secret-es', 'prompt-leak', 0.5, String.raw`(?:cuál es|dime|dame|comparte|revela|confirma)\s+(?:la|tu|su|el)\s+(?:contraseña|clave secreta|clave de api)`),
  cue('secret-fr', 'prompt-leak', 0.5, String.raw`(?:quel est|donne[zs]?-moi|partage[zs]?|révèle[zs]?|confirme[zs]?)\s+(?:le|ton|votre|la|ta)\s+(?:mot de passe|clé secrète|clé d'api)`),
  cue('secret-de', 'prompt-leak', 0.5, String.raw`(?:was ist|wie lautet|gib mir|gebe mir|nenne mir|teile|verrate mir|geben sie mir)\s+(?:das|dein|ihr|sein|den|deinen)\s+(?:passwort|kennwort|geheimen? schlüssel|api-schlüssel)|(?:(?:kannst|könntest|würdest|wirst) du|(?:können|könnten|würden) sie)[^.?\n]{0,40}?(?:dein|deinen|ihr|ihren|das)\s+(?:passwort|kennwort|geheimen? schlüssel)\s+(?:teilen|geben|sagen|nennen|verraten|mitteilen)${E}|wenn sie mir ihr passwort geben`),
  cue('secret-pt', 'prompt-leak', 0.5, String.raw`(?:qual é|me diga|diga-me|compartilhe|me dê|informe|revele)\s+(?:a|sua|tua|o)\s+(?:sua\s+)?(?:senha|chave secreta|palavra-passe)|compartilhe sua senha`),
  cue('secret-it', 'prompt-leak', 0.5, String.raw`(?:qual è|dimmi|dammi|condividi|rivela|puoi condividere)\s+(?:la|la tua|tua|le tue)\s+(?:password|chiave segreta)`),
  cue('secret-ru', 'prompt-leak', 0.5, String.raw`(?:какой|скажи|назови|сообщи|дай|покажи)[^.\n?]{0,15}(?:пароль|секретный ключ)`),
  cue('secret-zh', 'prompt-leak', 0.5, String.raw`(?:你的|告诉我|给我|透露|提供)[^。？?\n]{0,6}(?:密码|秘钥|密钥|口令)|(?:密码|密钥|秘钥)是什么`),
  cue('secret-ja', 'prompt-leak', 0.5, String.raw`(?:パスワード|秘密鍵|暗証番号|APIキー)(?:を|は|が)[^\n]{0,30}?(?:教えて|何|提供して|見せて)`),
  cue('secret-ko', 'prompt-leak', 0.5, String.raw`(?:비밀번호|암호|비밀 키)(?:를|는|가)?[^.\n]{0,10}(?:알려|뭐|무엇|필요)`),
  // exfiltration: a "send" verb followed by a URL or e-mail address on the same line
  cue('exf-i18n', 'exfiltration', 0.5, String.raw`(?:envía|envia|envíalo|envíalos|mande|manda|sube|reenvía|envoie[sz]?|transmets|transmettez|téléverse[zs]?|sende|senden sie|schicke|schick|lade|envie|mande|encaminhe|invia|inviate|manda|carica|отправь(?:те)?|перешли(?:те)?|загрузи(?:те)?)[^.\n]{0,80}?(?:https?://|[\w.+-]+@[\w-]+\.[a-z]{2,})|(?:发送|发给|发到|上传|转发|送信|送って|アップロード|전송|보내)[^。\n]{0,40}?(?:https?://|[\w.+-]+@[\w-]+\.[a-z]{2,})`),
  // addressed to the AI
  cue('ai-es', 'addressed-to-ai', 0.55, String.raw`(?:nota|mensaje|instrucción|atención|aviso)\s+(?:para|a)\s+(?:la |el |cualquier )?(?:IA|modelo|asistente|LLM|agente)${E}|si (?:eres|usted es) (?:una?|el) (?:IA|modelo|asistente|LLM)${E}|(?:IA|modelo|asistente|agente) que (?:lee|está leyendo|procesa|analiza) est`),
  cue('ai-fr', 'addressed-to-ai', 0.55, String.raw`(?:note|message|attention|instruction|avis)\s+(?:pour|à)\s+(?:l'|la |le |tout )?(?:IA|modèle|assistant|LLM|agent)${E}|si (?:tu es|vous êtes) (?:une?|l') ?(?:IA|modèle|assistant|LLM)${E}|(?:IA|modèle|assistant|agent) qui (?:lit|lis|traite|analyse) ce`),
  cue('ai-de', 'addressed-to-ai', 0.55, String.raw`(?:hinweis|nachricht|notiz|anweisung|achtung)\s+(?:an|für)\s+(?:die |das |den |jede |jedes )?(?:KI|modell|assistenten|assistent|LLM|agenten)${E}|(?:wenn|falls) (?:du|sie) (?:eine KI|ein (?:KI-)?(?:modell|assistent|sprachmodell)) (?:bist|sind)|(?:KI|modell|assistent)\S*,? (?:die|der|das) (?:dies\S*|das hier) (?:liest|verarbeitet|analysiert)`),
  cue('ai-pt', 'addressed-to-ai', 0.55, String.raw`(?:nota|mensagem|instrução|atenção|aviso)\s+(?:para|à|ao)\s+(?:a |o |qualquer )?(?:IA|modelo|assistente|LLM|agente)${E}|se você (?:é|for) (?:uma?|o|a) (?:IA|modelo|assistente|LLM)${E}|(?:IA|modelo|assistente|agente) que (?:lê|está lendo|processa|analisa) est`),
  cue('ai-it', 'addressed-to-ai', 0.55, String.raw`(?:nota|messaggio|istruzione|attenzione|avviso)\s+(?:per|all'|al)\s*(?:l'|la |il |qualsiasi )?(?:IA|modello|assistente|LLM|agente)${E}|se (?:sei|è) (?:un'|una |un |l')(?:IA|modello|assistente|LLM)${E}|(?:IA|modello|assistente|agente) che (?:legge|sta leggendo|elabora|analizza) quest`),
  cue('ai-ru', 'addressed-to-ai', 0.55, String.raw`(?:примечание|заметка|сообщение|инструкция|внимание) для (?:ИИ|нейросети|модели|ассистента|LLM|агента)|если ты (?:ИИ|нейросеть|языковая модель|ассистент|модель)|(?:ИИ|модель|ассистент|агент),? (?:который|которая) (?:читает|обрабатывает|анализирует)`),
  cue('ai-zh', 'addressed-to-ai', 0.55, String.raw`(?:给|致|对)(?:AI|人工智能|模型|助手|大模型|语言模型|智能体)(?:的)?(?:说明|提示|指示|消息|注意|备注)|如果你是(?:一个)?(?:AI|人工智能|语言模型|助手|模型|大模型)|(?:正在)?(?:阅读|处理|分析)(?:本|此|这份?)(?:文档|文件|页面|内容)的(?:AI|人工智能|模型|助手)|AI助手[，,：:]?请`),
  cue('ai-ja', 'addressed-to-ai', 0.55, String.raw`(?:AI|人工知能|モデル|アシスタント|LLM)(?:(?:への|に対する)(?:注意|指示|メモ|メッセージ|お願い)|へ[：:])|あなたが(?:AI|人工知能|言語モデル|アシスタント)(?:なら|であれば|の場合)|この(?:文書|ドキュメント|ページ)を(?:読んで|処理して|分析して)いる(?:AI|モデル|アシスタント)`),
  // modeller manipulation
  cue('mm-es', 'modeller-manipulation', 0.65, String.raw`no (?:informes|reportes|reporte|informe|señales|señale|incluyas|incluya|listes|liste|menciones)\s+(?:ninguna?|amenazas|riesgos|vulnerabilidades)|(?:devuelve|devuelva|genera|genere|produce|entrega)\s+una lista vacía|(?:califica|califique|clasifica|clasifique|marca|marque|valora|valore)\s+(?:todo|todos|todas)[^.\n]{0,30}?baj[oa]s?|no (?:es necesario|hace falta) analizar|(?:omite|omita|excluye|excluya)\s+el componente`),
  cue('mm-fr', 'modeller-manipulation', 0.65, String.raw`ne (?:signale|signalez|rapporte|rapportez|mentionne|mentionnez|liste|listez|remonte|remontez)\s+aucune?\s+(?:menace|risque|vulnérabilité)|(?:renvoie|renvoyez|retourne|retournez|génère|générez|produis|produisez)\s+une liste vide${E}|(?:classe|classez|note|notez|évalue|évaluez|marque|marquez)\s+(?:tout|toutes|tous)[^.\n]{0,30}?(?:faibles?|bas(?:ses?)?)${E}|(?:pas besoin|inutile) d'analyser|(?:omets|omettez|exclus|excluez)\s+le composant${E}`),
  cue('mm-de', 'modeller-manipulation', 0.65, String.raw`(?:melde|meldet|melden sie|berichte|berichten sie|liste|nenne|nennen sie)\s+keine\s+(?:bedrohungen|risiken|schwachstellen|befunde)|(?:gib|gebt|geben sie)\s+(?:eine\s+)?leere liste|(?:bewerte|bewerten sie|stufe|stufen sie|markiere|markieren sie)\s+(?:alle|alles)[^.\n]{0,30}?(?:niedrig|gering)|keine (?:analyse|prüfung|bewertung) (?:nötig|notwendig|erforderlich)|(?:überspringe|überspringen sie|lass|lassen sie)\s+(?:die |den |das )?komponente`),
  cue('mm-pt', 'modeller-manipulation', 0.65, String.raw`não (?:relate|reporte|informe|liste|aponte|inclua|mencione)\s+(?:nenhuma?|ameaças|riscos|vulnerabilidades)|(?:retorne|gere|produza|devolva)\s+uma lista vazia|(?:classifique|avalie|marque)\s+(?:tudo|todas|todos)[^.\n]{0,30}?baix[oa]s?|não (?:é necessário|precisa) analisar|(?:omita|exclua)\s+o componente`),
  cue('mm-it', 'modeller-manipulation', 0.65, String.raw`non (?:segnalare|riportare|elencare|includere|menzionare)\s+(?:alcuna|alcun|nessuna|nessun|minacce|rischi|vulnerabilità)|(?:restituisci|genera|produci)\s+una lista vuota|(?:classifica|valuta|segna)\s+(?:tutto|tutte|tutti)[^.\n]{0,30}?bass[oaie]|non (?:è necessario|serve) analizzare|(?:ometti|escludi)\s+il componente`),
  cue('mm-ru', 'modeller-manipulation', 0.65, String.raw`не (?:сообщай|сообщайте|указывай|указывайте|перечисляй|выводи|включай)[^.\n]{0,20}(?:угроз|риск|уязвимост)|(?:верни|выведи|сформируй|выдай) пустой список|(?:оцени|оценивай|оцените|пометь|отметь)[^.\n]{0,30}(?:все|всё)[^.\n]{0,30}низк|(?:анализ|анализировать) не (?:нужен|нужно|требуется)|(?:пропусти|пропустите|исключи)[^.\n]{0,10}компонент`),
  cue('mm-zh', 'modeller-manipulation', 0.65, String.raw`(?:不要|无需|不必|请勿|禁止|不得)(?:报告|列出|输出|提及|指出|标记|分析)[^。\n]{0,8}(?:威胁|风险|漏洞|问题)|(?:输出|返回|生成)(?:一个)?空(?:的)?(?:威胁)?(?:列表|清单|数组)|(?:所有|全部|一律|每个)[^。\n]{0,10}(?:评为|标记为|定为|评级为|设为|视为)[^。\n]{0,4}低|(?:该|此|这个|本)系统(?:是|已经|完全)[^。\n]{0,6}安全[^。\n]{0,10}(?:无需|不需要|不必)|跳过[^。\n]{0,10}(?:组件|服务|模块)`),
  cue('mm-ja', 'modeller-manipulation', 0.65, String.raw`(?:脅威|リスク|脆弱性)(?:を|は)(?:一切|何も)?(?:報告|出力|列挙|記載)(?:しない|しないで|するな|せず)|空の(?:リスト|配列)を(?:返|出力)|(?:すべて|全て)[^。\n]{0,15}低[^。\n]{0,6}(?:評価|分類|設定)|(?:分析|評価|レビュー)(?:は)?(?:不要|必要ありません)|(?:コンポーネント|サービス)[^。\n]{0,10}(?:スキップ|無視|除外)`),
];
