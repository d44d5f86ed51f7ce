import { App, AutoComplete, Checkbox, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { idCardBirthDate, idCardGender, idCardProblem } from '../../../../shared/roster/idcard';
import { normalizeIdCardText } from '../../../../shared/roster/normalize';
import { COMMITTEE_ROLES } from '../../../../shared/roster/roles';
import { workerInput } from '../../../../shared/roster/schemas';
import type { OrgUnit } from '../../../../shared/org/types';
import type { Worker } from '../../../../shared/roster/types';
import { useT } from '../../i18n';
import { unitTree } from '../../components/pickers';
import { ApiError, call } from '../../lib/api';
import { applyIssues, errorText, clearErrorsOnEdit } from '../../lib/errors';
import { parseForm } from '../../lib/zodForm';

export const CERT_TYPES = [
  '电工作业',
  '焊接与热切割作业',
  '高处作业',
  '制冷与空调作业',
  '危险化学品安全作业',
  '场（厂）内专用机动车辆作业',
  '特种设备（锅炉）作业',
  '起重机械作业',
];
export const HAZARD_FACTORS = ['噪声', '粉尘', '高温', '苯', '甲苯', '二甲苯', '甲醇', '硫化氢', '氨', '氯气', '一氧化碳', '电焊烟尘', '紫外辐射', '振动', '工频电场', '盐酸', '氢氧化钠'];

const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (v: Dayjs | null) => (v ? v.format('YYYY-MM-DD') : null),
};
/** typed dates the way the roster import reads them (2019/3/5, 2019.3.5, 20190305, 2019年3月5日); shown as the first */
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD', 'YYYY年M月D日'];

/** What a valid ID card number says: the birth date and the gender. */
function fromIdCard(v: unknown): { birth: string; gender: 'M' | 'F' } | null {
  const id = typeof v === 'string' ? normalizeIdCardText(v) : '';
  if (!id || idCardProblem(id) !== null) return null;
  return { birth: idCardBirthDate(id)!, gender: idCardGender(id)! };
}

export function WorkerForm({ worker, units, onClose, onSaved }: { worker: Worker | null; units: OrgUnit[]; onClose(): void; onSaved(w: Worker): void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const tree = useMemo(() => unitTree(units), [units]);
  const fromId = fromIdCard(Form.useWatch('idCard', form));
  const initial = worker ?? { gender: 'M', status: 'active', roles: [], hazardFactors: [], isRepresentative: false, isFrontline: false, isManager: false };

  const save = async () => {
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const d = parseForm(workerInput, values, form, t);
    if (!d) return;
    // 离职 for an exposed worker without the exit exam (职业病防治法 art. 35): ask first (a failed check does not block)
    if (worker && worker.status === 'active' && d.status === 'left') {
      const exit = await call('health.exitCheck', { workerId: worker.id }).catch(() => null);
      if (exit?.needed) {
        const ok = await modal.confirm({
          title: t('health.exit.title'),
          content: <span data-testid="exit-exam-warning">{t('health.exit.body', { name: worker.name, factors: exit.factorNames.join(t('common.listSep')) })}</span>,
          okText: t('health.exit.ok'),
          cancelText: t('health.exit.cancel'),
          okButtonProps: { danger: true },
        });
        if (!ok) return;
      }
    }
    setBusy(true);
    try {
      const w = worker ? await call('workers.update', { id: worker.id, data: d }) : await call('workers.create', d);
      message.success(t('common.saved'));
      onSaved(w);
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
      else if (e instanceof ApiError && e.code === 'CONFLICT') message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={820}
      title={worker ? `${t('roster.editWorker')} · ${worker.name}` : t('roster.newWorker')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      maskClosable={false}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={save}
        requiredMark
        onFieldsChange={clearErrorsOnEdit(form)}
        onValuesChange={(changed: Record<string, unknown>) => {
          // a valid ID card number fills the gender (its 17th digit); the birth date shows beside it
          const id = 'idCard' in changed ? fromIdCard(changed.idCard) : null;
          if (id) form.setFieldsValue({ gender: id.gender });
        }}
      >
        <Divider titlePlacement="start" plain>
          {t('roster.section.basic')}
        </Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label={t('worker.empNo')} name="empNo" required>
              <Input maxLength={32} autoFocus />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('worker.name')} name="name" required>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('worker.gender')} name="gender" required>
              <Radio.Group options={[{ value: 'M', label: t('gender.M') }, { value: 'F', label: t('gender.F') }]} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label={t('worker.idCard')}
              name="idCard"
              normalize={(v: string | undefined) => normalizeIdCardText(v ?? '')}
              extra={fromId ? <span data-testid="idcard-derived">{t('roster.idCardDerived', { birth: fromId.birth, gender: t(`gender.${fromId.gender}`) })}</span> : undefined}
            >
              <Input maxLength={24} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('worker.phone')} name="phone">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('worker.status')} name="status">
              <Radio.Group options={[{ value: 'active', label: t('status.active') }, { value: 'left', label: t('status.left') }]} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('roster.workerPlacement')} name="orgUnitId">
              <TreeSelect treeData={tree} allowClear treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('worker.post')} name="post">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('worker.hireDate')} name="hireDate" {...dateProps}>
              <DatePicker style={{ width: '100%' }} format={DATE_FORMATS} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('worker.skillGrade')} name="skillGrade">
              <Select allowClear options={[1, 2, 3, 4, 5].map((g) => ({ value: g, label: t(`grade.${g}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('roster.section.committee')}
        </Divider>
        <Form.Item label={t('worker.roles')} name="roles">
          <Checkbox.Group options={COMMITTEE_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="isRepresentative" valuePropName="checked">
              <Checkbox>{t('worker.isRepresentative')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="isFrontline" valuePropName="checked">
              <Checkbox>{t('worker.isFrontline')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="isManager" valuePropName="checked">
              <Checkbox>{t('worker.isManager')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('roster.section.special')}
        </Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label={t('worker.certType')} name="certType">
              <AutoComplete options={CERT_TYPES.map((v) => ({ value: v }))} allowClear />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('worker.certNo')} name="certNo">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('worker.certExpiry')} name="certExpiry" {...dateProps}>
              <DatePicker style={{ width: '100%' }} format={DATE_FORMATS} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('worker.hazardFactors')} name="hazardFactors">
          <Select mode="tags" options={HAZARD_FACTORS.map((v) => ({ value: v, label: v }))} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
