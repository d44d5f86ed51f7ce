// The button that makes a worker's health file (职业健康监护档案) as a PDF and hands it over (save dialog or download).
// Used on the exams tab and in the roster's worker drawer. The file holds exam conclusions: for those who do not read
// them (shared/health/privacy.ts) it stays disabled and says why (hover or keyboard focus); the backend refuses anyway.
import { Button, Tooltip } from 'antd';
import { FileTextOutlined, LockOutlined } from '@ant-design/icons';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { useReadsHealthResults } from './common';

export function HealthFileButton({ workerId, label, size }: { workerId: string | null; label?: string; size?: 'small' | 'middle' }) {
  const t = useT();
  const job = useJob();
  const reads = useReadsHealthResults();
  const make = async () => {
    if (!workerId) return;
    try {
      await job.save(await job.run((opts) => call('health.healthFilePdf', { workerId }, opts)));
    } catch (e) {
      job.fail(e);
    }
  };
  if (!reads) {
    const reason = t('health.exams.healthFileLocked');
    return (
      <Tooltip title={reason} trigger={['hover', 'focus']}>
        {/* a disabled button takes no hover or focus: the wrapper does, and names the reason */}
        <span tabIndex={0} aria-label={reason} data-testid="health-file-locked" style={{ display: 'inline-block' }}>
          <Button size={size} icon={<LockOutlined />} disabled style={{ pointerEvents: 'none' }} data-testid="health-file-button">
            {label ?? t('health.exams.healthFile')}
          </Button>
        </span>
      </Tooltip>
    );
  }
  return (
    <>
      <Button size={size} icon={<FileTextOutlined />} disabled={!workerId} loading={job.running} onClick={() => void make()} data-testid="health-file-button">
        {label ?? t('health.exams.healthFile')}
      </Button>
      <JobProgress job={job} />
    </>
  );
}
