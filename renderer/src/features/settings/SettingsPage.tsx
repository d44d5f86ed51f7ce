import { Alert, App, Button, Card, Form, InputNumber, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import type { HazardRules } from '../../../../shared/hazards/rules';
import { useSession } from '../../app/session';
import { useT } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { applyIssues, errorText } from '../../lib/errors';
import { BackupPanel } from './BackupPanel';

/** The configurable thresholds of the hazard ledger (DOMAIN.md: make thresholds configurable). */
export function SettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const isAdmin = useSession((s) => s.operator?.isAdmin ?? false);
  const [form] = Form.useForm<HazardRules>();
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('hazards.rules').then(
      (r) => {
        form.setFieldsValue(r);
        setLoaded(true);
      },
      (e: unknown) => message.error(errorText(e, t)),
    );
  }, [form, message, t]);
  const save = async (v: HazardRules) => {
    setBusy(true);
    try {
      form.setFieldsValue(await call('hazards.setRules', v));
      message.success(t('common.saved'));
    } catch (e) {
      // the refusal names its field (e.g. thresholds.orange when red > orange > yellow does not hold): mark it there
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const num = (name: (string | number)[], label: string, min: number, max: number) => (
    <Form.Item label={label} name={name} rules={[{ required: true, message: t('v.required') }]}>
      <InputNumber min={min} max={max} style={{ width: 160 }} />
    </Form.Item>
  );
  return (
    <div style={{ padding: 24, overflow: 'auto' }}>
      <Card title={t('settings.title')} style={{ maxWidth: 720 }}>
        {!isAdmin && <Alert type="info" showIcon title={t('settings.adminOnly')} style={{ marginBottom: 16 }} />}
        {!loaded ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!isAdmin}>
            <Card size="small" title={t('settings.thresholds')} style={{ marginBottom: 16 }}>
              {num(['thresholds', 'red'], t('settings.red'), 1, 100000)}
              {num(['thresholds', 'orange'], t('settings.orange'), 1, 100000)}
              {num(['thresholds', 'yellow'], t('settings.yellow'), 1, 100000)}
            </Card>
            {num(['responseDays'], t('settings.responseDays'), 1, 90)}
            {num(['acceptDays'], t('settings.acceptDays'), 1, 90)}
            {num(['dueSoonDays'], t('settings.dueSoonDays'), 1, 60)}
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
      <BackupPanel />
    </div>
  );
}
