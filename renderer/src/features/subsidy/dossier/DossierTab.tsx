// 申报材料: the dossier of a year — the application's fields (the enterprise's own details come from the enterprise
// page), the accidents of the last three years from the wage module's records, the photos for the evidence annex,
// the nominees with their record — saved as a whole by the writers (union officers, administrators), and the dossier
// PDF (application, scorecard, evidence annex with charts and photos, nominees) for anyone. Leaving with unsaved
// changes is said; a refusal puts its message on the field it is about.
import { FilePdfOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { fenToYuanNumber } from '../../../../../shared/kernel/money';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import type { Dossier } from '../../../../../shared/subsidy/dossier/types';
import { MAX_AMOUNT_YUAN } from '../../../../../shared/subsidy/dossier/types';
import { SUBSIDY_WRITERS } from '../../../../../shared/subsidy/kinds';
import { useSession } from '../../../app/session';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { useYear, YearSelect } from '../scorecard/ScorecardTab';
import { NomineesSection, type NomineeDraft } from './NomineesSection';
import { PhotosSection } from './PhotosSection';

interface FormValues {
  contactName: string | null;
  contactPhone: string | null;
  leadership: string | null;
  summary: string | null;
  amountYuan: number | null;
}

const formOf = (d: Dossier): FormValues => ({ ...d.fields, amountYuan: fenToYuanNumber(d.fields.amountFen) });

export function DossierTab() {
  const t = useT();
  const { message } = App.useApp();
  const operator = useSession((s) => s.operator);
  const canWrite = operator ? holdsAnyRole(operator, SUBSIDY_WRITERS) : false;
  const [year, setYear] = useYear('dossier');
  const [form] = Form.useForm<FormValues>();
  const [data, setData] = useState<Dossier | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [photos, setPhotos] = useState<string[]>([]);
  const [nominees, setNominees] = useState<NomineeDraft[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const job = useJob();

  const show = useCallback((d: Dossier) => {
    setData(d);
    setPhotos(d.photoIds);
    setNominees(d.nominees);
    setDirty(false);
    setSaveError(null);
  }, []);
  // the form is mounted once the dossier is shown: its values are set then (and again after each save)
  useEffect(() => {
    if (data) form.setFieldsValue(formOf(data));
  }, [data, form]);
  const load = useCallback(() => {
    setError(null);
    setData(null);
    call('subsidy.dossier', { year }).then(show, setError);
  }, [year, show]);
  useEffect(load, [load]);

  const save = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    setSaving(true);
    setSaveError(null);
    try {
      const d = await call('subsidy.dossierSave', {
        year,
        contactName: v.contactName ?? null,
        contactPhone: v.contactPhone ?? null,
        leadership: v.leadership ?? null,
        summary: v.summary ?? null,
        amountYuan: v.amountYuan ?? null,
        photoIds: photos,
        nominees: nominees.map((n) => ({ workerId: n.workerId, role: n.role, reason: n.reason })),
      });
      show(d);
      message.success(t('subsidy.d.saved'));
    } catch (e) {
      const onFields = e instanceof ApiError && applyIssues(form, e.issues, t);
      if (!onFields) setSaveError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  const pdf = async () => {
    try {
      const f = await job.run((opts) => call('subsidy.dossierPdf', { year }, opts));
      await job.save(f);
    } catch (e) {
      job.fail(e);
    }
  };

  const touch = () => setDirty(true);
  const a = data?.accidents;
  return (
    <div data-testid="subsidy-dossier" style={{ paddingBottom: 24 }}>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <YearSelect year={year} onChange={setYear} />
        <Space wrap>
          {dirty && <Typography.Text type="warning">{t('subsidy.d.unsaved')}</Typography.Text>}
          {data?.updatedAt && !dirty && <Typography.Text type="secondary">{t('subsidy.d.savedAt', { at: dayjs(data.updatedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>}
          {canWrite && (
            <Button type="primary" icon={<SaveOutlined />} onClick={save} loading={saving} disabled={!data}>
              {t('subsidy.d.save')}
            </Button>
          )}
          <Button icon={<FilePdfOutlined />} onClick={pdf} disabled={!data || job.running}>
            {t('subsidy.d.pdf')}
          </Button>
        </Space>
      </Space>
      <JobProgress job={job} />
      {!canWrite && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('subsidy.d.readOnly')} />}
      {saveError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={saveError} data-testid="dossier-save-error" />}
      {error != null && <Alert type="error" showIcon title={errorText(error, t)} action={<Button onClick={load}>{t('subsidy.retry')}</Button>} />}
      {!data ? (
        error == null && <Spin style={{ display: 'block', margin: 48 }} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {data.id === null && <Alert type="info" showIcon title={t('subsidy.d.new', { year })} />}
          <Card size="small" title={t('subsidy.d.application')}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              style={{ marginBottom: 12 }}
              items={[
                { key: 'n', label: t('subsidy.d.enterprise'), children: data.enterprise.name },
                { key: 'u', label: t('subsidy.d.uscc'), children: data.enterprise.uscc },
                { key: 'a', label: t('subsidy.d.address'), children: data.enterprise.address ?? '—' },
                { key: 'h', label: t('subsidy.d.headcount'), children: data.enterprise.headcount },
              ]}
            />
            <Form<FormValues> form={form} layout="vertical" disabled={!canWrite} onValuesChange={touch} onFieldsChange={clearErrorsOnEdit(form)}>
              <Space wrap size={16} style={{ width: '100%' }}>
                <Form.Item name="contactName" label={t('subsidy.d.contactName')}>
                  <Input maxLength={40} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name="contactPhone" label={t('subsidy.d.contactPhone')}>
                  <Input maxLength={40} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name="amountYuan" label={t('subsidy.d.amount')}>
                  <InputNumber min={0} max={MAX_AMOUNT_YUAN} precision={2} style={{ width: 200 }} suffix={t('subsidy.d.yuan')} />
                </Form.Item>
              </Space>
              <Form.Item name="leadership" label={t('subsidy.d.leadership')} extra={t('subsidy.d.leadershipHint')}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="summary" label={t('subsidy.d.summary')} extra={t('subsidy.d.summaryHint')}>
                <Input.TextArea rows={6} maxLength={4000} showCount />
              </Form.Item>
            </Form>
          </Card>
          <Card size="small" title={t('subsidy.d.accidents', { from: a!.from, to: a!.to })} data-testid="dossier-accidents">
            {a!.total === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('subsidy.d.noAccidents')} />
            ) : (
              <>
                <Typography.Paragraph>
                  {t('subsidy.d.accidentCounts', { total: a!.total, death: a!.bySeverity.death, serious: a!.bySeverity.serious_injury, minor: a!.bySeverity.minor_injury, near: a!.bySeverity.near_miss })}
                </Typography.Paragraph>
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {a!.list.slice(0, 10).map((x, i) => (
                    <li key={i}>
                      {x.date} {x.place} · {t(`wage.severity.${x.severity}`)} · {x.description}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('subsidy.d.accidentsFrom')}
            </Typography.Text>
          </Card>
          <Card size="small" title={t('subsidy.d.photos')}>
            <PhotosSection
              year={year}
              choices={data.photoChoices}
              sources={data.photoSources}
              value={photos}
              disabled={!canWrite}
              onChange={(v) => {
                setPhotos(v);
                touch();
              }}
            />
          </Card>
          <Card size="small" title={t('subsidy.d.nominees', { n: nominees.length })}>
            <Typography.Paragraph type="secondary">{t('subsidy.d.nomineesHint')}</Typography.Paragraph>
            <NomineesSection
              year={year}
              value={nominees}
              disabled={!canWrite}
              onChange={(v) => {
                setNominees(v);
                touch();
              }}
            />
          </Card>
        </Space>
      )}
    </div>
  );
}
