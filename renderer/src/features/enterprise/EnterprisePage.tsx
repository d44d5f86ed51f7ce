import { App, Button, Card, Form, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { enterpriseInput } from '../../../../shared/enterprise/schemas';
import type { Enterprise } from '../../../../shared/enterprise/types';
import { useSession } from '../../app/session';
import { useT } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { applyIssues, errorText, clearErrorsOnEdit } from '../../lib/errors';
import { parseForm } from '../../lib/zodForm';
import { EnterpriseFields } from './EnterpriseFields';

export function EnterprisePage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [ent, setEnt] = useState<Enterprise | null>(null);
  const [busy, setBusy] = useState(false);
  const isAdmin = useSession((s) => s.operator?.isAdmin ?? false);
  useEffect(() => {
    call('enterprise.get').then(
      (e) => {
        setEnt(e);
        form.setFieldsValue(e);
      },
      (e: unknown) => message.error(errorText(e, t)),
    );
  }, [form, message, t]);
  const save = async () => {
    const d = parseForm(enterpriseInput, form.getFieldsValue(), form, t);
    if (!d) return;
    setBusy(true);
    try {
      const e = await call('enterprise.update', d);
      setEnt(e);
      form.setFieldsValue(e);
      message.success(t('common.saved'));
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ padding: 24, overflow: 'auto' }}>
      <Card title={t('enterprise.title')} style={{ maxWidth: 720 }}>
        {!ent ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="vertical" onFinish={save} disabled={!isAdmin} onFieldsChange={clearErrorsOnEdit(form)}>
            <EnterpriseFields />
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
