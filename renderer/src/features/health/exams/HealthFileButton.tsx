// The button that makes a worker's health file (职业健康监护档案) as a PDF and hands it over (save dialog or download).
// Used on the exams tab and in the roster's worker drawer.
import { Button } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';

export function HealthFileButton({ workerId, label, size }: { workerId: string | null; label?: string; size?: 'small' | 'middle' }) {
  const t = useT();
  const job = useJob();
  const make = async () => {
    if (!workerId) return;
    try {
      await job.save(await job.run((opts) => call('health.healthFilePdf', { workerId }, opts)));
    } catch (e) {
      job.fail(e);
    }
  };
  return (
    <>
      <Button size={size} icon={<FileTextOutlined />} disabled={!workerId} loading={job.running} onClick={() => void make()} data-testid="health-file-button">
        {label ?? t('health.exams.healthFile')}
      </Button>
      <JobProgress job={job} />
    </>
  );
}
