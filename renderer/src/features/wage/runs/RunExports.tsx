// The payroll exports of a run (owned by the EXPORTS area; the runs tab mounts it): the wide sheet (xlsx) with the ID
// number masked or full, the long CSV in UTF-8 (with a BOM) or GBK, the slips (工资条) and the monthly summary as PDFs.
// Only an approved run exports (the backend refuses the rest; here the buttons wait, saying why); the full ID number is
// offered to the wage runners only.
import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import type { CsvEncoding, IdCardMode } from '../../../../../shared/wage/exports/layout';
import type { RunSummary } from '../../../../../shared/wage/runs/types';
import { WAGE_RUNNERS } from '../../../../../shared/wage/scheme';
import { useSession } from '../../../app/session';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';

type Doc = 'xlsx' | 'csv' | 'slips' | 'summary';

export function RunExports({ run }: { run: Pick<RunSummary, 'id' | 'state' | 'period' | 'version'> }) {
  const t = useT();
  const operator = useSession((s) => s.operator);
  const canFull = operator ? holdsAnyRole(operator, WAGE_RUNNERS) : false;
  const [idCard, setIdCard] = useState<IdCardMode>('masked');
  const [encoding, setEncoding] = useState<CsvEncoding>('utf8bom');
  const job = useJob();
  const approved = run.state === 'approved';
  const off = !approved || job.running;

  const exportDoc = async (doc: Doc) => {
    try {
      const f = await job.run((opts) =>
        doc === 'xlsx'
          ? call('wage.payrollXlsx', { runId: run.id, idCard: canFull ? idCard : 'masked' }, opts)
          : doc === 'csv'
            ? call('wage.payrollCsv', { runId: run.id, encoding }, opts)
            : doc === 'slips'
              ? call('wage.slipsPdf', { runId: run.id }, opts)
              : call('wage.summaryPdf', { runId: run.id }, opts),
      );
      await job.save(f);
    } catch (e) {
      job.fail(e);
    }
  };

  return (
    <div data-testid="run-exports" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {!approved && (
        <Typography.Text type="secondary" data-testid="run-exports-wait">
          {t('wage.exp.needApproval')}
        </Typography.Text>
      )}
      <Space wrap align="center">
        <Typography.Text>{t('wage.exp.idCard')}</Typography.Text>
        <Segmented<IdCardMode>
          aria-label={t('wage.exp.idCard')}
          value={canFull ? idCard : 'masked'}
          onChange={setIdCard}
          disabled={off}
          options={[
            { value: 'masked', label: t('wage.exp.idMasked') },
            { value: 'full', label: t('wage.exp.idFull'), disabled: !canFull },
          ]}
        />
        <Button icon={<FileExcelOutlined />} disabled={off} onClick={() => void exportDoc('xlsx')}>
          {t('wage.exp.xlsx')}
        </Button>
      </Space>
      <Space wrap align="center">
        <Typography.Text>{t('wage.exp.encoding')}</Typography.Text>
        <Segmented<CsvEncoding>
          aria-label={t('wage.exp.encoding')}
          value={encoding}
          onChange={setEncoding}
          disabled={off}
          options={[
            { value: 'utf8bom', label: t('wage.exp.utf8') },
            { value: 'gbk', label: 'GBK' },
          ]}
        />
        <Button icon={<FileTextOutlined />} disabled={off} onClick={() => void exportDoc('csv')}>
          {t('wage.exp.csv')}
        </Button>
      </Space>
      <Space wrap>
        <Button icon={<FilePdfOutlined />} disabled={off} onClick={() => void exportDoc('slips')}>
          {t('wage.exp.slips')}
        </Button>
        <Button icon={<FilePdfOutlined />} disabled={off} onClick={() => void exportDoc('summary')}>
          {t('wage.exp.summary')}
        </Button>
      </Space>
      <JobProgress job={job} cancellable={false} />
    </div>
  );
}
