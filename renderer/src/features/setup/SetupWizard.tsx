import { App, Alert, Button, Card, Checkbox, Form, Input, Radio, Steps } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { COMMITTEE_ROLES } from '../../../../shared/roster/roles';
import { enterpriseInput } from '../../../../shared/enterprise/schemas';
import { pinSchema } from '../../../../shared/operators/schemas';
import { reqText } from '../../../../shared/kernel/schemas';
import { roleSchema, workerInput } from '../../../../shared/roster/schemas';
import { useSession } from '../../app/session';
import { useT } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { applyIssues, errorText, clearErrorsOnEdit } from '../../lib/errors';
import { parseForm } from '../../lib/zodForm';
import { EnterpriseFields } from '../enterprise/EnterpriseFields';
import { LanguageButton } from '../../components/LanguageButton';

const operatorForm = z.object({
  empNo: workerInput.shape.empNo,
  name: reqText(50),
  gender: z.enum(['M', 'F'], { error: 'v.gender' }),
  roles: z.array(roleSchema).min(1, { error: 'v.required' }),
  // .optional(), not z.undefined() in the union: zod 4 rejects a missing key for the latter, and an
  // untouched PIN field is absent from the form values
  pin: z.union([pinSchema, z.literal('')]).optional(),
});

export function SetupWizard() {
  const t = useT();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const signedIn = useSession((s) => s.signedIn);
  const boot = useSession((s) => s.boot);

  const next = () => {
    const values = form.getFieldsValue(true) as { enterprise?: unknown };
    if (parseForm(enterpriseInput, values.enterprise ?? {}, form, t, ['enterprise'])) setStep(1);
  };
  const finish = async () => {
    const values = form.getFieldsValue(true) as { enterprise: unknown; operator: unknown };
    const op = parseForm(operatorForm, values.operator ?? {}, form, t, ['operator']);
    if (!op) return;
    setBusy(true);
    try {
      const operator = await call('setup.init', { enterprise: values.enterprise as never, operator: { ...op, pin: op.pin || null } });
      signedIn(operator);
      await boot();
    } catch (e) {
      if (e instanceof ApiError && applyIssues(form, e.issues, t)) {
        if (e.issues.some((i) => i.path.startsWith('enterprise'))) setStep(0);
      } else message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f5f4', padding: 24 }}>
      <Card title={`${t('app.title')} · ${t('setup.title')}`} extra={<LanguageButton />} style={{ width: 640 }}>
        <Steps current={step} style={{ marginBottom: 24 }} items={[{ title: t('setup.step.enterprise') }, { title: t('setup.step.operator') }]} />
        <Form form={form} layout="vertical" initialValues={{ operator: { gender: 'M', roles: ['union_officer'] } }} onFinish={step === 0 ? next : finish} onFieldsChange={clearErrorsOnEdit(form)}>
          <div style={{ display: step === 0 ? 'block' : 'none' }}>
            <EnterpriseFields prefix={['enterprise']} />
          </div>
          {step === 1 && (
            <>
              <Alert type="info" showIcon title={t('setup.operatorHint')} style={{ marginBottom: 16 }} />
              <Form.Item label={t('worker.empNo')} name={['operator', 'empNo']} required>
                <Input maxLength={32} autoFocus />
              </Form.Item>
              <Form.Item label={t('worker.name')} name={['operator', 'name']} required>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item label={t('worker.gender')} name={['operator', 'gender']} required>
                <Radio.Group options={[{ value: 'M', label: t('gender.M') }, { value: 'F', label: t('gender.F') }]} />
              </Form.Item>
              <Form.Item label={t('worker.roles')} name={['operator', 'roles']} required>
                <Checkbox.Group options={COMMITTEE_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
              </Form.Item>
              <Form.Item label={t('setup.pin')} name={['operator', 'pin']} extra={t('setup.pinHint')}>
                <Input.Password maxLength={12} inputMode="numeric" autoComplete="new-password" />
              </Form.Item>
            </>
          )}
          <div style={{ display: 'flex', justifyContent: 'space-between' }}>
            <Button disabled={step === 0} onClick={() => setStep(0)}>
              {t('common.back')}
            </Button>
            <Button type="primary" htmlType="submit" loading={busy}>
              {step === 0 ? t('common.next') : t('setup.finish')}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
