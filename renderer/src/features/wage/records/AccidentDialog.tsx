// An accident's form: date, place, severity, the team and the workers involved (several), what happened. An accident
// of the severity a scheme names vetoes (一票否决) the safety components of those involved for the month.
import { Alert, App, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgUnit } from '../../../../../shared/org/types';
import { accidentInput } from '../../../../../shared/wage/records/schemas';
import { ACCIDENT_SEVERITIES, type Accident } from '../../../../../shared/wage/records/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { clearErrorsOnEdit } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { teamOptions } from './BehaviourDialog';
import { useSavedText } from './approved';
import { afterToday, dateProps, defaultDate } from './common';
import { RecordModal, showSaveError } from './recordDialog';
import { WorkersSelect } from './WorkersSelect';

export function AccidentDialog(props: { record: Accident | null; period: string; units: OrgUnit[]; onClose(): void; onDone(a: Accident): void }) {
  const { record } = props;
  const t = useT();
  const { message } = App.useApp();
  const savedText = useSavedText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const teams = useMemo(() => teamOptions(props.units, record?.teamId), [props.units, record?.teamId]);
  const initial = record
    ? { date: record.date, place: record.place, severity: record.severity, description: record.description, teamId: record.teamId, workerIds: record.workers.map((w) => w.workerId) }
    : { date: defaultDate(props.period), place: '', severity: 'near_miss', description: '', teamId: null, workerIds: [] };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Record<string, unknown>;
    if (!parseForm(accidentInput, v, form, t)) return;
    setBusy(true);
    try {
      const a = record ? await call('wage.accidentUpdate', { ...v, id: record.id } as never) : await call('wage.accidentCreate', v as never);
      message.success(savedText(t(record ? 'wage.ac.updated' : 'wage.ac.created', { what: `${a.date} ${a.place}` })));
      props.onDone(a);
    } catch (e) {
      showSaveError(e, form, message, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RecordModal width={640} title={t(record ? 'wage.ac.edit' : 'wage.ac.new')} busy={busy} onClose={props.onClose} onSave={() => void submit()}>
      <Alert type="warning" showIcon title={t('wage.ac.vetoHint')} style={{ marginBottom: 12 }} />
      <Form form={form} name="wageAc" layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)} onFinish={() => void submit()}>
        <Space size={16} align="start" wrap>
          <Form.Item label={t('wage.ac.date')} name="date" required {...dateProps}>
            <DatePicker style={{ width: 160 }} disabledDate={afterToday} />
          </Form.Item>
          <Form.Item label={t('wage.ac.place')} name="place" required>
            <Input maxLength={100} style={{ width: 300 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('wage.ac.severity')} name="severity" required>
          <Radio.Group optionType="button" options={ACCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`wage.severity.${s}`) }))} />
        </Form.Item>
        <Form.Item label={t('wage.ac.team')} name="teamId">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teams} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item label={t('wage.ac.workers')} name="workerIds">
          <WorkersSelect placeholder={t('wage.ac.workersHint')} initial={record?.workers} />
        </Form.Item>
        <Form.Item label={t('wage.ac.description')} name="description" required>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </RecordModal>
  );
}
