import { Box } from 'ink';
import type { HistoryItem } from '../../core/chat/history.js';
import { AssistantMessage } from './AssistantMessage.js';
import { CaseCard } from './CaseCard.js';
import { CaseDetail } from './CaseDetail.js';
import { ErrorMessage } from './ErrorMessage.js';
import { GuardBanner } from './GuardBanner.js';
import { InfoMessage } from './InfoMessage.js';
import { QuestionMessage } from './QuestionMessage.js';
import { Report } from './Report.js';
import { UserMessage } from './UserMessage.js';

/** Items that sit flush under the previous one (a stream of case cards); others get a blank line. */
const TIGHT: ReadonlySet<HistoryItem['kind']> = new Set(['case']);

/** One finished conversation item: picks the component for its kind. */
export function HistoryItemView({ item, previous, width }: { readonly item: HistoryItem; readonly previous?: HistoryItem['kind']; readonly width?: number }) {
  const tight = TIGHT.has(item.kind) && previous === item.kind && !(item.kind === 'case' && item.detail);
  return (
    <Box marginTop={tight ? 0 : 1} width={width}>
      {body(item)}
    </Box>
  );
}

function body(item: HistoryItem) {
  switch (item.kind) {
    case 'user':
      return <UserMessage text={item.text} />;
    case 'info':
      return <InfoMessage text={item.text} tone={item.tone} />;
    case 'warning':
      return <InfoMessage text={item.text} tone="warning" />;
    case 'error':
      return <ErrorMessage text={item.text} hint={item.hint} />;
    case 'guard':
      return <GuardBanner source={item.source} verdict={item.verdict} findings={item.findings} />;
    case 'case':
      return item.detail ? <CaseDetail c={item.case} /> : <CaseCard c={item.case} />;
    case 'report':
      return <Report title={item.title} lead={item.lead} sections={item.sections} footer={item.footer} />;
    case 'assistant':
      return <AssistantMessage text={item.text} model={item.model} />;
    case 'question':
      return <QuestionMessage index={item.index} total={item.total} text={item.text} cases={item.cases} />;
  }
}
