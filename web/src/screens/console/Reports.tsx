// Reports (staff only): the leaderboard and the closed-ticket report, which read the server's
// daily rollups, promises kept and broken per technician, and tickets by their intake answer.
// They are cheap to reload; they do not follow the live stream.
import type { Me } from '../../api';
import { useTitle } from '../../components/common';
import { AnswerReportSection } from './AnswerReport';
import { ClosedReportSection } from './ClosedReport';
import { LeaderboardSection } from './Leaderboard';
import { PromisesReportSection } from './PromisesReport';

export function ReportsScreen({ me }: { me: Me }) {
  useTitle('Reports');
  return (
    <>
      <h1>Reports</h1>
      <p class="lede">
        A ticket counts as closed for the technician it was assigned to when it was resolved, on their own calendar day; a reopen takes
        the count back.
      </p>
      <LeaderboardSection me={me} />
      <ClosedReportSection />
      <PromisesReportSection />
      <AnswerReportSection />
    </>
  );
}
